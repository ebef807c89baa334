package io.televisit.events.presence;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/** A participant connected to signaling. Schema: {@code presence.participant-connected.v1.json}. */
@RegisterForReflection
public record ParticipantConnected(UUID visitId, UUID participantId, String role, Instant at) {
}
