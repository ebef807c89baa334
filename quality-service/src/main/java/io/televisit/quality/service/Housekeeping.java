package io.televisit.quality.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.televisit.quality.config.QualitySettings;
import io.televisit.quality.ingest.TrackerCache;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Raw samples older than the retention become one row per stream and minute (merged into an existing row), in
 * chunks so that no statement holds locks for long; quiet visits leave the tracker cache.
 */
@Singleton
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);
    private static final int CHUNK = 20_000;
    private static final String DOWNSAMPLE = """
            WITH old AS (
                DELETE FROM quality_sample WHERE sample_id IN (
                    SELECT sample_id FROM quality_sample WHERE measured_at < $1 LIMIT $2)
                RETURNING *)
            , merged AS (
            INSERT INTO quality_sample_minute AS m (visit_id, participant_id, role, direction, kind, minute, samples,
                poor_samples, relay_samples, packet_loss_avg, packet_loss_max, jitter_avg, rtt_avg, audio_mos_avg,
                audio_mos_min, video_score_avg)
            SELECT visit_id, participant_id, min(role), direction, kind, date_trunc('minute', measured_at), count(*),
                count(*) FILTER (WHERE level IN ('POOR', 'BAD')), count(*) FILTER (WHERE candidate_type = 'RELAY'),
                avg(packet_loss_pct), max(packet_loss_pct), avg(jitter_ms), avg(rtt_ms), avg(audio_mos),
                min(audio_mos), avg(video_score)
            FROM old GROUP BY visit_id, participant_id, direction, kind, date_trunc('minute', measured_at)
            ON CONFLICT (visit_id, participant_id, direction, kind, minute) DO UPDATE SET
                samples = m.samples + EXCLUDED.samples,
                poor_samples = m.poor_samples + EXCLUDED.poor_samples,
                relay_samples = m.relay_samples + EXCLUDED.relay_samples,
                packet_loss_avg = (coalesce(m.packet_loss_avg, 0) * m.samples
                    + coalesce(EXCLUDED.packet_loss_avg, 0) * EXCLUDED.samples) / (m.samples + EXCLUDED.samples),
                packet_loss_max = greatest(m.packet_loss_max, EXCLUDED.packet_loss_max),
                jitter_avg = (coalesce(m.jitter_avg, 0) * m.samples
                    + coalesce(EXCLUDED.jitter_avg, 0) * EXCLUDED.samples) / (m.samples + EXCLUDED.samples),
                rtt_avg = (coalesce(m.rtt_avg, 0) * m.samples
                    + coalesce(EXCLUDED.rtt_avg, 0) * EXCLUDED.samples) / (m.samples + EXCLUDED.samples),
                audio_mos_avg = coalesce((m.audio_mos_avg * m.samples + EXCLUDED.audio_mos_avg * EXCLUDED.samples)
                    / (m.samples + EXCLUDED.samples), m.audio_mos_avg, EXCLUDED.audio_mos_avg),
                audio_mos_min = least(m.audio_mos_min, EXCLUDED.audio_mos_min),
                video_score_avg = coalesce((m.video_score_avg * m.samples + EXCLUDED.video_score_avg
                    * EXCLUDED.samples) / (m.samples + EXCLUDED.samples), m.video_score_avg, EXCLUDED.video_score_avg)
            RETURNING 1)
            SELECT count(*) FROM old
            """;

    private final Pool pool;
    private final TrackerCache cache;
    private final Duration retention;

    public Housekeeping(Pool pool, TrackerCache cache, QualitySettings settings) {
        this.pool = pool;
        this.cache = cache;
        this.retention = settings.rawSampleRetention();
    }

    @Scheduled(every = "10m", delay = 1, delayUnit = java.util.concurrent.TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        cache.evictIdle(Duration.ofMinutes(30));
        return downsample(Instant.now().minus(retention))
                .invoke(rows -> {
                    if (rows > 0) {
                        LOG.infof("downsampled %d raw quality samples older than %s", rows, retention);
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("downsampling failed: %s", e.getClass().getSimpleName()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Downsamples every raw sample measured before {@code before}; returns the number of raw samples replaced. */
    public Uni<Long> downsample(Instant before) {
        return chunk(before, 0);
    }

    private Uni<Long> chunk(Instant before, long done) {
        // One statement per chunk: the CTE deletes, the merge inserts, and the count says how many raw rows went.
        return pool.preparedQuery(DOWNSAMPLE).execute(Tuple.of(before.atOffset(ZoneOffset.UTC), CHUNK))
                .map(rows -> rows.iterator().next().getLong(0))
                .chain(n -> n < CHUNK ? Uni.createFrom().item(done + n) : chunk(before, done + n));
    }
}
