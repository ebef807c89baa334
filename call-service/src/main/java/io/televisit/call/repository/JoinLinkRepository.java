package io.televisit.call.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.televisit.call.model.JoinLink;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class JoinLinkRepository implements PanacheRepositoryBase<JoinLink, UUID> {

    public Uni<JoinLink> findByTokenHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResult();
    }

    /**
     * Marks the link used if and only if it is still usable, in one statement: of concurrent redemptions exactly one
     * updates a row.
     */
    public Uni<Integer> claim(String tokenHash, Instant now) {
        return update("usedAt = ?1 where tokenHash = ?2 and usedAt is null and revokedAt is null and expiresAt > ?1",
                now, tokenHash);
    }

    public Uni<Integer> revokeUnused(UUID participantId, Instant now) {
        return update("revokedAt = ?1 where participantId = ?2 and usedAt is null and revokedAt is null",
                now, participantId);
    }
}
