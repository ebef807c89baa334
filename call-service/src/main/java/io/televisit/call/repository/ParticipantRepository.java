package io.televisit.call.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.televisit.call.model.Participant;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ParticipantRepository implements PanacheRepositoryBase<Participant, UUID> {

    public Uni<List<Participant>> listByVisit(UUID visitId) {
        return list("visitId = ?1 order by invitedAt, id", visitId);
    }
}
