package io.televisit.quality.repository;

import io.smallrye.mutiny.Uni;
import io.televisit.events.quality.QualitySampleReported;
import io.televisit.quality.scoring.Cause;
import io.televisit.quality.scoring.Level;
import io.televisit.quality.scoring.SampleScore;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Raw samples in batches on the reactive pool: one INSERT for a whole Kafka batch (unnest of column arrays), which is
 * what lets ingest keep up with thousands of samples a second. Hibernate is not used here for that reason.
 */
@Singleton
public class SampleRows {

    private static final String INSERT = """
            INSERT INTO quality_sample (sample_id, visit_id, participant_id, role, measured_at, direction, kind,
                packet_loss_pct, jitter_ms, rtt_ms, bitrate_kbps, frames_per_second, frame_height, frames_decoded,
                frames_dropped, freeze_count, concealed_pct, quality_limitation, candidate_type, protocol, audio_mos,
                video_score, level, cause, late)
            SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[], $6::text[],
                $7::text[], $8::float8[], $9::float8[], $10::float8[], $11::float8[], $12::float8[], $13::int[],
                $14::int8[], $15::int8[], $16::int8[], $17::float8[], $18::text[], $19::text[], $20::text[],
                $21::float8[], $22::float8[], $23::text[], $24::text[], $25::bool[])
            ON CONFLICT (sample_id) DO NOTHING""";

    /** The samples of each stream's last window, oldest first: enough to rebuild the trackers of these visits. */
    private static final String RECENT = """
            SELECT s.* FROM quality_sample s
            JOIN (SELECT visit_id, participant_id, direction, kind, max(measured_at) AS last FROM quality_sample
                  WHERE visit_id = ANY($1) AND NOT late GROUP BY visit_id, participant_id, direction, kind) w
              ON w.visit_id = s.visit_id AND w.participant_id = s.participant_id AND w.direction = s.direction
                 AND w.kind = s.kind
            WHERE s.visit_id = ANY($1) AND NOT s.late AND s.measured_at > w.last - make_interval(secs => $2)
            ORDER BY s.measured_at""";

    /** A sample as it is stored: with its score, and whether it came late. */
    public record Scored(QualitySampleReported sample, SampleScore score, boolean late) {
    }

    /** A stored sample read back with its level and cause. */
    public record Stored(QualitySampleReported sample, Level level, Cause cause) {
    }

    public Uni<Integer> insert(SqlConnection tx, List<Scored> rows) {
        int n = rows.size();
        Object[][] columns = new Object[25][];
        columns[0] = new UUID[n];
        columns[1] = new UUID[n];
        columns[2] = new UUID[n];
        columns[3] = new String[n];
        columns[4] = new OffsetDateTime[n];
        columns[5] = new String[n];
        columns[6] = new String[n];
        for (int c = 7; c <= 11; c++) {
            columns[c] = new Double[n];
        }
        columns[12] = new Integer[n];
        columns[13] = new Long[n];
        columns[14] = new Long[n];
        columns[15] = new Long[n];
        columns[16] = new Double[n];
        columns[17] = new String[n];
        columns[18] = new String[n];
        columns[19] = new String[n];
        columns[20] = new Double[n];
        columns[21] = new Double[n];
        columns[22] = new String[n];
        columns[23] = new String[n];
        columns[24] = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Scored row = rows.get(i);
            QualitySampleReported s = row.sample();
            Object[] values = {s.sampleId(), s.visitId(), s.participantId(), s.role(),
                    s.measuredAt().atOffset(ZoneOffset.UTC), s.direction(), s.kind(), s.packetLossPct(), s.jitterMs(),
                    s.rttMs(), s.bitrateKbps(), s.framesPerSecond(), s.frameHeight(), s.framesDecoded(),
                    s.framesDropped(), s.freezeCount(), s.concealedPct(), s.qualityLimitationReason(),
                    s.candidateType(), s.protocol(), row.score().audioMos(), row.score().videoScore(),
                    row.score().level().name(), row.score().cause().name(), row.late()};
            for (int c = 0; c < values.length; c++) {
                columns[c][i] = values[c];
            }
        }
        return tx.preparedQuery(INSERT).execute(Tuple.tuple(List.of((Object[]) columns))).map(r -> r.rowCount());
    }

    /** The last window of every stream of these visits, oldest first. */
    public Uni<List<Stored>> recent(SqlConnection connection, UUID[] visitIds, Duration window) {
        return connection.preparedQuery(RECENT).execute(Tuple.of(visitIds, window.toMillis() / 1000.0))
                .map(rows -> {
                    List<Stored> out = new ArrayList<>();
                    for (Row row : rows) {
                        out.add(new Stored(sample(row), Level.valueOf(row.getString("level")),
                                Cause.valueOf(row.getString("cause"))));
                    }
                    return out;
                });
    }

    static QualitySampleReported sample(Row row) {
        return new QualitySampleReported(row.getUUID("sample_id"), row.getUUID("visit_id"),
                row.getUUID("participant_id"), row.getString("role"), row.getOffsetDateTime("measured_at").toInstant(),
                row.getString("direction"), row.getString("kind"), row.getDouble("packet_loss_pct"),
                row.getDouble("jitter_ms"), row.getDouble("rtt_ms"), row.getDouble("bitrate_kbps"),
                row.getDouble("frames_per_second"), row.getInteger("frame_height"), row.getLong("frames_decoded"),
                row.getLong("frames_dropped"), row.getLong("freeze_count"), row.getDouble("concealed_pct"),
                row.getString("quality_limitation"), row.getString("candidate_type"), row.getString("protocol"));
    }
}
