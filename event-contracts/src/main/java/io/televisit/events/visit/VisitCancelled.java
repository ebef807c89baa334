package io.televisit.events.visit;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.UUID;

/** A visit was cancelled before it took place. Schema: {@code visit.cancelled.v1.json}. */
@RegisterForReflection
public record VisitCancelled(UUID visitId, String reasonCode) {
}
