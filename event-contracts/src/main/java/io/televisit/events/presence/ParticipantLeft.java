package io.televisit.events.presence;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/** A participant left the visit (or its grace period ran out). Schema: {@code presence.participant-left.v1.json}. */
@RegisterForReflection
public record ParticipantLeft(UUID visitId, UUID participantId, String role, Instant at, String reasonCode) {
}
