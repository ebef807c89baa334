package io.televisit.events.quality;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/** quality-service warns a participant (or clears a warning). Schema: {@code quality.warning-issued.v1.json}. */
@RegisterForReflection
public record QualityWarningIssued(UUID visitId, UUID participantId, Instant at, String level, String code) {
}
