package io.televisit.call.audit;

import io.televisit.call.service.Sha256;

import java.time.Instant;
import java.util.UUID;

/**
 * The hash of an audit entry: SHA-256 over the previous entry's hash and the entry's fields, one per line, in a fixed
 * order. {@code details} is canonical JSON (sorted keys) as stored. The first entry's previous hash is {@link #GENESIS}.
 */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(String previousHash, Instant occurredAt, String actor, String action, UUID visitId,
                              String details) {
        String canonical = String.join("\n", previousHash, occurredAt.toString(), actor, action,
                visitId == null ? "" : visitId.toString(), details);
        return Sha256.hex(canonical);
    }
}
