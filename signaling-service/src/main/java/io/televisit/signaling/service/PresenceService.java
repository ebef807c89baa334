package io.televisit.signaling.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.televisit.signaling.model.ParticipantSession;
import io.televisit.signaling.repository.ParticipantSessionRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Who is (or was) connected to a visit's signaling, across all instances. */
@ApplicationScoped
public class PresenceService {

    private final ParticipantSessionRepository sessions;

    public PresenceService(ParticipantSessionRepository sessions) {
        this.sessions = sessions;
    }

    @WithSession
    public Uni<List<ParticipantSession>> sessionsOf(UUID visitId) {
        return sessions.listByVisit(visitId);
    }
}
