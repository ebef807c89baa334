package io.televisit.call.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Appends to the hash-chained audit log inside the caller's transaction: the entry commits with the change it records.
 * Appends are serialized by the lock on the chain's head row, so every entry links to the one before it.
 */
@ApplicationScoped
public class AuditLog {

    private final ObjectMapper mapper;

    public AuditLog(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @param details ids, codes, client address and user agent; never names or clinical content */
    public Uni<Void> append(String actor, AuditAction action, UUID visitId, Map<String, ?> details) {
        Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String canonical = canonicalJson(details);
        return AuditHead.<AuditHead>findById(AuditHead.ID, LockModeType.PESSIMISTIC_WRITE).chain(head -> {
            AuditEntry entry = new AuditEntry();
            entry.occurredAt = occurredAt;
            entry.actor = actor;
            entry.action = action.name();
            entry.visitId = visitId;
            entry.details = canonical;
            entry.prevHash = head.hash;
            entry.hash = AuditChain.hash(head.hash, occurredAt, actor, action.name(), visitId, canonical);
            head.hash = entry.hash;
            return entry.persist();
        }).replaceWithVoid();
    }

    private String canonicalJson(Map<String, ?> details) {
        try {
            return mapper.writeValueAsString(new TreeMap<>(details));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details must be plain values", e);
        }
    }
}
