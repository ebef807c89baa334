package io.televisit.quality.service;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;

/**
 * Visits that ended (or failed) in [from, to): their average MOS, the share with poor quality, the share of
 * participants on a relayed path, and the phone fallbacks recommended.
 */
@RegisterForReflection
public record QualityStatistics(Instant from, Instant to, long visits, Double averageMos, long poorQualityVisits,
                                Double poorQualityShare, Double relayRatio, long phoneFallbacks) {
}
