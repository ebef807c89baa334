package io.televisit.quality.repository;

import io.smallrye.mutiny.Uni;
import io.televisit.quality.decision.HysteresisState;
import io.televisit.quality.decision.Profile;
import io.televisit.quality.decision.WarningLevel;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** participant_quality: each participant's hysteresis, written only when it changed. */
@Singleton
public class TrackerRows {

    private static final String LOAD = "SELECT * FROM participant_quality WHERE visit_id = ANY($1)";
    private static final String UPSERT = """
            INSERT INTO participant_quality (visit_id, participant_id, role, profile, upgrade_since, warning,
                warning_code, calm_since, audio_bad_since, fallback_at, updated_at)
            SELECT v, p, r, pr, u, w, wc, c, a, f, now() FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[],
                $5::timestamptz[], $6::text[], $7::text[], $8::timestamptz[], $9::timestamptz[], $10::timestamptz[])
                AS t(v, p, r, pr, u, w, wc, c, a, f)
            ON CONFLICT (visit_id, participant_id) DO UPDATE SET profile = EXCLUDED.profile,
                upgrade_since = EXCLUDED.upgrade_since, warning = EXCLUDED.warning,
                warning_code = EXCLUDED.warning_code, calm_since = EXCLUDED.calm_since,
                audio_bad_since = EXCLUDED.audio_bad_since,
                fallback_at = coalesce(participant_quality.fallback_at, EXCLUDED.fallback_at), updated_at = now()""";

    /** A participant's stored hysteresis. */
    public record Stored(UUID visitId, UUID participantId, String role, HysteresisState state) {
    }

    /** A participant's hysteresis to store. */
    public record Change(UUID visitId, UUID participantId, String role, HysteresisState state) {
    }

    public Uni<List<Stored>> load(SqlConnection connection, UUID[] visitIds) {
        return connection.preparedQuery(LOAD).execute(Tuple.of(visitIds)).map(rows -> {
            List<Stored> out = new ArrayList<>();
            for (Row row : rows) {
                out.add(new Stored(row.getUUID("visit_id"), row.getUUID("participant_id"), row.getString("role"), new HysteresisState(
                        Profile.valueOf(row.getString("profile")), instant(row, "upgrade_since"),
                        WarningLevel.valueOf(row.getString("warning")), row.getString("warning_code"),
                        instant(row, "calm_since"), instant(row, "audio_bad_since"), instant(row, "fallback_at"))));
            }
            return out;
        });
    }

    public Uni<Void> upsert(SqlConnection tx, List<Change> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = changes.size();
        UUID[] visits = new UUID[n];
        UUID[] participants = new UUID[n];
        String[] roles = new String[n];
        String[] profiles = new String[n];
        OffsetDateTime[] upgrades = new OffsetDateTime[n];
        String[] warnings = new String[n];
        String[] codes = new String[n];
        OffsetDateTime[] calms = new OffsetDateTime[n];
        OffsetDateTime[] audioBad = new OffsetDateTime[n];
        OffsetDateTime[] fallbacks = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            Change c = changes.get(i);
            HysteresisState s = c.state();
            visits[i] = c.visitId();
            participants[i] = c.participantId();
            roles[i] = c.role();
            profiles[i] = s.profile().name();
            upgrades[i] = offset(s.upgradeSince());
            warnings[i] = s.warning().name();
            codes[i] = s.warningCode();
            calms[i] = offset(s.calmSince());
            audioBad[i] = offset(s.audioBadSince());
            fallbacks[i] = offset(s.fallbackAt());
        }
        return tx.preparedQuery(UPSERT).execute(Tuple.tuple(List.of(visits, participants, roles, profiles, upgrades,
                warnings, codes, calms, audioBad, fallbacks))).replaceWithVoid();
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
