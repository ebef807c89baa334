package io.televisit.events.consent;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/** A participant withdrew a consent. Schema: {@code consent.withdrawn.v1.json}. */
@RegisterForReflection
public record ConsentWithdrawn(UUID visitId, UUID consentId, UUID participantId, String purpose, Instant withdrawnAt) {
}
