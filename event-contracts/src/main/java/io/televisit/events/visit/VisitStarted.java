package io.televisit.events.visit;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/** A visit was answered or its participants connected: it is in progress. Schema: {@code visit.started.v1.json}. */
@RegisterForReflection
public record VisitStarted(UUID visitId, Instant startedAt) {
}
