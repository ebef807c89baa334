package io.televisit.events.presence;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/** A participant lost its signaling connection; it may still resume. Schema: {@code presence.participant-disconnected.v1.json}. */
@RegisterForReflection
public record ParticipantDisconnected(UUID visitId, UUID participantId, String role, Instant at, String reasonCode) {
}
