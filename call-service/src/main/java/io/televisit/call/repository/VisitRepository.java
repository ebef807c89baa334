package io.televisit.call.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.televisit.call.model.Visit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.UUID;

@ApplicationScoped
public class VisitRepository implements PanacheRepositoryBase<Visit, UUID> {

    /** The visit, locked until the transaction ends: transitions of one visit are serialized here. */
    public Uni<Visit> findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<Visit> findByIdempotencyKey(String createdBy, String key) {
        return find("createdBy = ?1 and idempotencyKey = ?2", createdBy, key).firstResult();
    }
}
