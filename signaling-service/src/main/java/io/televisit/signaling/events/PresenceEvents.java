package io.televisit.signaling.events;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.televisit.events.EventType;
import io.televisit.events.outbox.Outbox;
import io.televisit.events.presence.ParticipantConnected;
import io.televisit.events.presence.ParticipantDisconnected;
import io.televisit.events.presence.ParticipantLeft;
import io.televisit.signaling.model.ParticipantSession;
import io.televisit.signaling.model.SessionState;
import io.televisit.signaling.protocol.VisitIdentity;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Presence for call-service: each change of a participant's signaling session is saved and its event appended to the
 * outbox in one transaction, so the session table and the published presence never disagree.
 */
@ApplicationScoped
public class PresenceEvents {

    private final Outbox outbox;

    public PresenceEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** @return the id of the new session row */
    public Uni<UUID> connected(VisitIdentity who, String instanceId) {
        Instant now = now();
        ParticipantSession session = new ParticipantSession();
        session.id = UUID.randomUUID();
        session.visitId = who.visit().value();
        session.participantId = who.participant().value();
        session.role = who.role();
        session.state = SessionState.CONNECTED;
        session.instanceId = instanceId;
        session.connectedAt = now;
        session.lastSeenAt = now;
        return Panache.withTransaction(() -> session.persist()
                .chain(() -> outbox.append(EventType.PARTICIPANT_CONNECTED, session.visitId,
                        new ParticipantConnected(session.visitId, session.participantId, who.role(), now))))
                .replaceWith(session.id);
    }

    public Uni<Void> disconnected(VisitIdentity who, UUID sessionId, String reasonCode) {
        Instant now = now();
        return Panache.withTransaction(() -> mark(sessionId, SessionState.RECONNECTING, now)
                .chain(() -> outbox.append(EventType.PARTICIPANT_DISCONNECTED, who.visit().value(),
                        new ParticipantDisconnected(who.visit().value(), who.participant().value(), who.role(), now,
                                reasonCode))))
                .replaceWithVoid();
    }

    public Uni<Void> left(VisitIdentity who, UUID sessionId, String reasonCode) {
        Instant now = now();
        return Panache.withTransaction(() -> mark(sessionId, SessionState.LEFT, now)
                .chain(() -> outbox.append(EventType.PARTICIPANT_LEFT, who.visit().value(),
                        new ParticipantLeft(who.visit().value(), who.participant().value(), who.role(), now,
                                reasonCode))))
                .replaceWithVoid();
    }

    private static Uni<Void> mark(UUID sessionId, SessionState state, Instant at) {
        return ParticipantSession.<ParticipantSession>findById(sessionId).invoke(session -> {
            if (session != null) {
                session.state = state;
                session.lastSeenAt = at;
            }
        }).replaceWithVoid();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
