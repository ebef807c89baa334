package io.televisit.events.presence;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/** A disconnected participant resumed its session. Schema: {@code presence.participant-reconnected.v1.json}. */
@RegisterForReflection
public record ParticipantReconnected(UUID visitId, UUID participantId, String role, Instant at) {
}
