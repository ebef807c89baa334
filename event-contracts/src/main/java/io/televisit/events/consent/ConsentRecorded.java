package io.televisit.events.consent;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/** A participant consented to a purpose. Schema: {@code consent.recorded.v1.json}. */
@RegisterForReflection
public record ConsentRecorded(UUID visitId, UUID consentId, UUID participantId, String purpose, String method, Instant recordedAt) {
}
