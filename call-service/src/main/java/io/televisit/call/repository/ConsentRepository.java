package io.televisit.call.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.televisit.call.model.Consent;
import io.televisit.call.model.ConsentPurpose;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ConsentRepository implements PanacheRepositoryBase<Consent, UUID> {

    public Uni<List<Consent>> listByVisit(UUID visitId) {
        return list("visitId = ?1 order by givenAt", visitId);
    }

    public Uni<Consent> current(UUID participantId, ConsentPurpose purpose) {
        return find("participantId = ?1 and purpose = ?2 and withdrawnAt is null", participantId, purpose).firstResult();
    }
}
