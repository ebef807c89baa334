package io.televisit.events.visit;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/** A scheduled visit moved to another time. Schema: {@code visit.rescheduled.v1.json}. */
@RegisterForReflection
public record VisitRescheduled(UUID visitId, Instant previousScheduledAt, Instant scheduledAt) {
}
