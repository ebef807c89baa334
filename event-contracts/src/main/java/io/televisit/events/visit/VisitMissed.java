package io.televisit.events.visit;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/** Nobody answered a ringing visit before its deadline. Schema: {@code visit.missed.v1.json}. */
@RegisterForReflection
public record VisitMissed(UUID visitId, Instant ringingAt, Instant missedAt) {
}
