package io.televisit.quality.report;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A visit's quality report. {@code status} is FINAL once the visit ended or failed (stored, never recomputed), LIVE
 * while it runs. A visit is {@code poorQuality} when at least the configured share of its samples was POOR or BAD.
 */
@RegisterForReflection
public record VisitQualityReport(UUID visitId, String status, Instant generatedAt, Instant endedAt, String outcome,
                                 Double averageMos, double poorShare, boolean poorQuality, Double relayRatio,
                                 int phoneFallbacks, int warnings, List<ParticipantQuality> participants) {
}
