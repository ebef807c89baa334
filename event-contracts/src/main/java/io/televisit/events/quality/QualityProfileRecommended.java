package io.televisit.events.quality;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/**
 * quality-service recommends a media profile to a participant's client. Schema:
 * {@code quality.profile-recommended.v1.json}.
 */
@RegisterForReflection
public record QualityProfileRecommended(UUID visitId, UUID participantId, Instant at, String profile,
                                        String reasonCode, Long maxBitrateKbps) {
}
