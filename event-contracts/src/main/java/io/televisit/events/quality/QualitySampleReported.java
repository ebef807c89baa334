package io.televisit.events.quality;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/**
 * One media stream's statistics from a participant's client (its getStats summary), relayed by signaling-service:
 * one event per direction and kind. Measurements are optional: clients report what their browser gives.
 * Schema: {@code quality.sample-reported.v1.json}.
 */
@RegisterForReflection
public record QualitySampleReported(UUID sampleId, UUID visitId, UUID participantId, String role, Instant measuredAt,
                                    String direction, String kind, Double packetLossPct, Double jitterMs, Double rttMs,
                                    Double bitrateKbps, Double framesPerSecond, Integer frameHeight,
                                    Long framesDecoded, Long framesDropped, Long freezeCount, Double concealedPct,
                                    String qualityLimitationReason, String candidateType, String protocol) {
}
