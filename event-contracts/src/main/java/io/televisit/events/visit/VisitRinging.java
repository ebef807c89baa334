package io.televisit.events.visit;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/** A visit started ringing its participants. Schema: {@code visit.ringing.v1.json}. */
@RegisterForReflection
public record VisitRinging(UUID visitId, Instant ringingAt, Instant ringDeadline) {
}
