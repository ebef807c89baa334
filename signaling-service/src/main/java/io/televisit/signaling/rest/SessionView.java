package io.televisit.signaling.rest;

import io.televisit.signaling.model.ParticipantSession;
import io.televisit.signaling.model.SessionState;

import java.time.Instant;
import java.util.UUID;

public record SessionView(UUID participantId, String role, SessionState state, Instant connectedAt, Instant lastSeenAt) {

    public static SessionView of(ParticipantSession session) {
        return new SessionView(session.participantId, session.role, session.state, session.connectedAt,
                session.lastSeenAt);
    }
}
