package io.televisit.events.visit;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/** A visit failed; reasonCode says why. Schema: {@code visit.failed.v1.json}. */
@RegisterForReflection
public record VisitFailed(UUID visitId, String reasonCode, Instant failedAt) {
}
