package io.televisit.events.visit;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/** A clinician admitted a participant from the waiting room. Schema: {@code visit.participant-admitted.v1.json}. */
@RegisterForReflection
public record ParticipantAdmitted(UUID visitId, UUID participantId, String role, Instant admittedAt) {
}
