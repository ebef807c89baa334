package io.televisit.call.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;


/**
 * Walks the audit log in sequence order and recomputes every hash. A modified entry fails its own hash; a deleted or
 * reordered entry fails the link to its predecessor. Reads in pages so the log may grow without bound.
 */
@ApplicationScoped
public class AuditVerifier {

    private static final int PAGE = 1000;
    private static final String PAGE_QUERY = "SELECT seq, occurred_at, actor, action, visit_id, details, prev_hash, hash "
            + "FROM audit_entry WHERE seq > $1 ORDER BY seq LIMIT $2";

    private final Pool pool;

    public AuditVerifier(Pool pool) {
        this.pool = pool;
    }

    public Uni<ChainVerification> verify() {
        return verifyFrom(new Cursor(0, AuditChain.GENESIS, 0));
    }

    private Uni<ChainVerification> verifyFrom(Cursor cursor) {
        return pool.preparedQuery(PAGE_QUERY).execute(Tuple.of(cursor.lastSeq, PAGE)).chain(rows -> {
            Cursor at = cursor;
            int read = 0;
            for (Row row : rows) {
                read++;
                long seq = row.getLong("seq");
                if (!row.getString("prev_hash").equals(at.lastHash)) {
                    return Uni.createFrom().item(ChainVerification.broken(at.checked, seq,
                            "does not link to the entry before it (deleted or reordered entries)"));
                }
                String expected = AuditChain.hash(at.lastHash, row.getOffsetDateTime("occurred_at").toInstant(),
                        row.getString("actor"), row.getString("action"), row.getUUID("visit_id"),
                        row.getString("details"));
                if (!expected.equals(row.getString("hash"))) {
                    return Uni.createFrom().item(ChainVerification.broken(at.checked, seq,
                            "content does not match its hash (modified entry)"));
                }
                at = new Cursor(seq, expected, at.checked + 1);
            }
            return read < PAGE ? Uni.createFrom().item(ChainVerification.intact(at.checked)) : verifyFrom(at);
        });
    }

    private record Cursor(long lastSeq, String lastHash, long checked) {
    }

}
