package io.televisit.events.visit;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/** A visit was created for a future time. Schema: {@code visit.scheduled.v1.json}. */
@RegisterForReflection
public record VisitScheduled(UUID visitId, String visitType, Instant scheduledAt, String appointmentId) {
}
