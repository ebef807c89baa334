package io.televisit.quality.repository;

import io.smallrye.mutiny.Uni;
import io.televisit.quality.decision.Decision;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** quality_decision: the timeline of what was published. */
@Singleton
public class DecisionRows {

    private static final String INSERT = """
            INSERT INTO quality_decision (decision_id, visit_id, participant_id, role, at, kind, value, code)
            SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[], $6::text[],
                $7::text[], $8::text[])
            ON CONFLICT DO NOTHING RETURNING decision_id""";

    /** A decision with its id. */
    public record Identified(UUID decisionId, Decision decision) {
    }

    /**
     * Inserts the decisions; returns the ids of those that were new. A phone fallback is refused when the participant
     * already has one (decided on another path), so only returned ids may be published.
     */
    public Uni<Set<UUID>> insert(SqlConnection tx, List<Identified> decisions) {
        if (decisions.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        int n = decisions.size();
        UUID[] ids = new UUID[n];
        UUID[] visits = new UUID[n];
        UUID[] participants = new UUID[n];
        String[] roles = new String[n];
        OffsetDateTime[] ats = new OffsetDateTime[n];
        String[] kinds = new String[n];
        String[] values = new String[n];
        String[] codes = new String[n];
        for (int i = 0; i < n; i++) {
            Decision d = decisions.get(i).decision();
            ids[i] = decisions.get(i).decisionId();
            visits[i] = d.visitId();
            participants[i] = d.participantId();
            roles[i] = d.role();
            ats[i] = d.at().atOffset(ZoneOffset.UTC);
            kinds[i] = d.kind().name();
            values[i] = d.value();
            codes[i] = d.code();
        }
        return tx.preparedQuery(INSERT).execute(Tuple.tuple(List.of(ids, visits, participants, roles, ats, kinds,
                values, codes))).map(rows -> {
                    Set<UUID> inserted = new HashSet<>();
                    for (Row row : rows) {
                        inserted.add(row.getUUID("decision_id"));
                    }
                    return inserted;
                });
    }
}
