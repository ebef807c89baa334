package io.televisit.call.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Appends to the hash-chained audit log inside the caller's transaction: the entry commits with the change it records.
 * Appends are serialized by a transaction-scoped advisory lock, so every entry links to the one before it.
 */
@ApplicationScoped
public class AuditLog {

    private static final long CHAIN_LOCK = 0x7e1e_0b0c_0000_00a1L;
    private static final String LAST_HASH = "SELECT hash FROM audit_entry ORDER BY seq DESC LIMIT 1";
    private static final String INSERT = "INSERT INTO audit_entry (occurred_at, actor, action, visit_id, details, "
            + "prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

    private final ObjectMapper mapper;

    public AuditLog(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @param details ids, codes, client address and user agent; never names or clinical content */
    public Uni<Void> append(String actor, AuditAction action, UUID visitId, Map<String, ?> details) {
        Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String canonical = canonicalJson(details);
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(" + CHAIN_LOCK + ")").getSingleResult()
                .chain(() -> session.createNativeQuery(LAST_HASH, String.class).getResultList())
                .chain(last -> {
                    String previous = last.isEmpty() ? AuditChain.GENESIS : last.get(0);
                    String hash = AuditChain.hash(previous, occurredAt, actor, action.name(), visitId, canonical);
                    return session.createNativeQuery(INSERT)
                            .setParameter(1, occurredAt).setParameter(2, actor).setParameter(3, action.name())
                            .setParameter(4, visitId).setParameter(5, canonical).setParameter(6, previous)
                            .setParameter(7, hash).executeUpdate();
                }))
                .replaceWithVoid();
    }

    private String canonicalJson(Map<String, ?> details) {
        try {
            return mapper.writeValueAsString(new TreeMap<>(details));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details must be plain values", e);
        }
    }
}
