package io.televisit.recording.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.televisit.recording.model.Recording;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RecordingRepository implements PanacheRepositoryBase<Recording, UUID> {

    public Uni<List<Recording>> listByVisit(UUID visitId) {
        return list("visitId = ?1 order by startedAt", visitId);
    }
}
