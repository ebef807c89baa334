package io.televisit.signaling.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.televisit.signaling.model.ParticipantSession;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ParticipantSessionRepository implements PanacheRepositoryBase<ParticipantSession, UUID> {

    public Uni<List<ParticipantSession>> listByVisit(UUID visitId) {
        return list("visitId = ?1 order by connectedAt", visitId);
    }
}
