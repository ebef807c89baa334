package io.televisit.quality.report;

import io.smallrye.mutiny.Uni;
import io.televisit.quality.config.QualitySettings;
import io.televisit.quality.decision.Profile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds a visit's report from its stored samples (percentiles in SQL), decisions and presence changes. */
@Singleton
public class ReportBuilder {

    private static final String PARTICIPANTS = """
            SELECT participant_id, min(role) AS role, count(*) AS samples, min(measured_at) AS first_at,
                max(measured_at) AS last_at,
                count(*) FILTER (WHERE level IN ('POOR', 'BAD')) AS poor,
                count(*) FILTER (WHERE candidate_type = 'RELAY') AS relay,
                count(*) FILTER (WHERE candidate_type IS NOT NULL) AS with_path,
                array_remove(array_agg(DISTINCT protocol), NULL) AS protocols,
                avg(video_score) FILTER (WHERE kind = 'VIDEO' AND direction = 'INBOUND') AS video_score,
                %s, %s, %s, %s
            FROM quality_sample WHERE visit_id = $1 AND NOT late
            GROUP BY participant_id ORDER BY min(measured_at)""".formatted(
            distribution("audio_mos", "mos", "kind = 'AUDIO' AND direction = 'INBOUND'"),
            distribution("packet_loss_pct", "loss", "direction = 'INBOUND'"),
            distribution("jitter_ms", "jitter", "direction = 'INBOUND'"),
            distribution("rtt_ms", "rtt", "true"));
    private static final String DECISIONS =
            "SELECT participant_id, at, kind, value, code FROM quality_decision WHERE visit_id = $1 ORDER BY at, created_at";
    private static final String PRESENCE = """
            SELECT participant_id, count(*) FILTER (WHERE change = 'DISCONNECTED') AS disconnects,
                count(*) FILTER (WHERE change = 'RECONNECTED') AS reconnects
            FROM presence_change WHERE visit_id = $1 GROUP BY participant_id""";

    private final Pool pool;
    private final double poorVisitShare;

    public ReportBuilder(Pool pool, QualitySettings settings) {
        this.pool = pool;
        this.poorVisitShare = settings.poorVisitShare();
    }

    private static String distribution(String column, String name, String filter) {
        return ("avg(%1$s) FILTER (WHERE %3$s) AS %2$s_mean, "
                + "percentile_cont(0.05) WITHIN GROUP (ORDER BY %1$s) FILTER (WHERE %3$s) AS %2$s_p05, "
                + "percentile_cont(0.5) WITHIN GROUP (ORDER BY %1$s) FILTER (WHERE %3$s) AS %2$s_p50, "
                + "percentile_cont(0.95) WITHIN GROUP (ORDER BY %1$s) FILTER (WHERE %3$s) AS %2$s_p95")
                .formatted(column, name, filter);
    }

    /** Empty when the visit has no samples. */
    public Uni<VisitQualityReport> build(UUID visitId, String status, Instant endedAt, String outcome) {
        Tuple id = Tuple.of(visitId);
        return pool.preparedQuery(PARTICIPANTS).execute(id).chain(participants -> participants.size() == 0
                ? Uni.createFrom().nullItem()
                : pool.preparedQuery(DECISIONS).execute(id).chain(decisions -> pool.preparedQuery(PRESENCE)
                        .execute(id).map(presence -> assemble(visitId, status, endedAt, outcome, participants,
                                decisions, presence))));
    }

    private VisitQualityReport assemble(UUID visitId, String status, Instant endedAt, String outcome,
                                        RowSet<Row> rows, RowSet<Row> decisionRows, RowSet<Row> presenceRows) {
        Map<UUID, List<Row>> decisions = new HashMap<>();
        decisionRows.forEach(r -> decisions.computeIfAbsent(r.getUUID("participant_id"), k -> new ArrayList<>()).add(r));
        Map<UUID, int[]> presence = new HashMap<>();
        presenceRows.forEach(r -> presence.put(r.getUUID("participant_id"),
                new int[]{r.getLong("disconnects").intValue(), r.getLong("reconnects").intValue()}));
        List<ParticipantQuality> participants = new ArrayList<>();
        long samples = 0;
        long poor = 0;
        for (Row row : rows) {
            participants.add(participant(row, decisions.getOrDefault(row.getUUID("participant_id"), List.of()),
                    presence.getOrDefault(row.getUUID("participant_id"), new int[2])));
            samples += row.getLong("samples");
            poor += row.getLong("poor");
        }
        Double averageMos = participants.stream().map(p -> p.audioMos().mean()).filter(m -> m != null)
                .mapToDouble(Double::doubleValue).average().stream().boxed().findFirst().map(ReportBuilder::round)
                .orElse(null);
        List<ParticipantQuality> withPath = participants.stream().filter(p -> !"UNKNOWN".equals(p.path())).toList();
        Double relayRatio = withPath.isEmpty() ? null
                : round(withPath.stream().filter(p -> !"DIRECT".equals(p.path())).count() / (double) withPath.size());
        double poorShare = samples == 0 ? 0 : round(poor / (double) samples);
        int fallbacks = (int) participants.stream().filter(p -> p.phoneFallback() != null).count();
        int warnings = participants.stream().mapToInt(p -> (int) p.warnings().stream()
                .filter(w -> !"CLEARED".equals(w.value())).count()).sum();
        return new VisitQualityReport(visitId, status, Instant.now(), endedAt, outcome, averageMos, poorShare,
                poorShare >= poorVisitShare, relayRatio, fallbacks, warnings, participants);
    }

    private static ParticipantQuality participant(Row row, List<Row> decisions, int[] presence) {
        Instant first = row.getOffsetDateTime("first_at").toInstant();
        Instant last = row.getOffsetDateTime("last_at").toInstant();
        List<ParticipantQuality.Event> warnings = new ArrayList<>();
        List<ParticipantQuality.Event> profiles = new ArrayList<>();
        ParticipantQuality.Event fallback = null;
        for (Row d : decisions) {
            ParticipantQuality.Event event = new ParticipantQuality.Event(d.getOffsetDateTime("at").toInstant(),
                    d.getString("value"), d.getString("code"));
            switch (d.getString("kind")) {
                case "WARNING" -> warnings.add(event);
                case "PROFILE" -> profiles.add(event);
                default -> fallback = event;
            }
        }
        Map<String, Long> inProfile = secondsInProfile(first, last, profiles);
        long relay = row.getLong("relay");
        long withPath = row.getLong("with_path");
        String path = withPath == 0 ? "UNKNOWN" : relay == 0 ? "DIRECT" : relay == withPath ? "RELAY" : "MIXED";
        return new ParticipantQuality(row.getUUID("participant_id"), row.getString("role"),
                row.getLong("samples").intValue(), first, last, distribution(row, "mos"), distribution(row, "loss"),
                distribution(row, "jitter"), distribution(row, "rtt"), round(row.getDouble("video_score")),
                round(row.getLong("poor") / (double) row.getLong("samples")), inProfile,
                inProfile.get(Profile.AUDIO_ONLY.name()), presence[0], presence[1], path,
                withPath == 0 ? 0 : round(relay / (double) withPath),
                Arrays.asList(row.getArrayOfStrings("protocols")), warnings, profiles, fallback);
    }

    /** HIGH from the first sample, then each recommendation until the next, up to the last sample. */
    static Map<String, Long> secondsInProfile(Instant first, Instant last, List<ParticipantQuality.Event> changes) {
        Map<Profile, Long> millis = new EnumMap<>(Profile.class);
        Arrays.stream(Profile.values()).forEach(p -> millis.put(p, 0L));
        Profile current = Profile.HIGH;
        Instant since = first;
        for (ParticipantQuality.Event change : changes) {
            Instant at = change.at().isBefore(since) ? since : change.at().isAfter(last) ? last : change.at();
            millis.merge(current, Duration.between(since, at).toMillis(), Long::sum);
            current = Profile.valueOf(change.value());
            since = at;
        }
        millis.merge(current, Duration.between(since, last).toMillis(), Long::sum);
        Map<String, Long> seconds = new LinkedHashMap<>();
        millis.forEach((profile, ms) -> seconds.put(profile.name(), Math.round(ms / 1000.0)));
        return seconds;
    }

    private static Distribution distribution(Row row, String name) {
        return new Distribution(round(row.getDouble(name + "_mean")), round(row.getDouble(name + "_p05")),
                round(row.getDouble(name + "_p50")), round(row.getDouble(name + "_p95")));
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 1000) / 1000.0;
    }
}
