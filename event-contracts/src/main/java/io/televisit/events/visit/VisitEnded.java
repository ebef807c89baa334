package io.televisit.events.visit;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/** A visit in progress ended. Schema: {@code visit.ended.v1.json}. */
@RegisterForReflection
public record VisitEnded(UUID visitId, Instant endedAt, long durationSeconds, String reasonCode) {
}
