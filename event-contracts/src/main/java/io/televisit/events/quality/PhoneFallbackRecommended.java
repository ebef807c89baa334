package io.televisit.events.quality;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/**
 * quality-service recommends moving a participant to the phone: its audio stayed bad, or its media failed
 * repeatedly. notification-service offers the dial-in or call-back; at most one per participant and visit.
 * Schema: {@code quality.phone-fallback-recommended.v1.json}.
 */
@RegisterForReflection
public record PhoneFallbackRecommended(UUID visitId, UUID participantId, String role, Instant at, String reasonCode,
                                       Double audioMos) {
}
