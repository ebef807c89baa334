package io.televisit.quality.report;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How one participant's connection went. Audio MOS, loss and jitter describe what the participant received (its
 * inbound streams); RTT is over all its streams. {@code path} is RELAY, DIRECT or MIXED (by selected candidate pair).
 */
@RegisterForReflection
public record ParticipantQuality(UUID participantId, String role, int samples, Instant firstSampleAt,
                                 Instant lastSampleAt, Distribution audioMos, Distribution packetLossPct,
                                 Distribution jitterMs, Distribution rttMs, Double videoScore, double poorShare,
                                 Map<String, Long> secondsInProfile, long audioOnlySeconds, int disconnects,
                                 int reconnects, String path, double relayShare, List<String> protocols,
                                 List<Event> warnings, List<Event> profileChanges, Event phoneFallback) {

    /** A decision on the timeline: when, what (level, profile or fallback reason) and why. */
    @RegisterForReflection
    public record Event(Instant at, String value, String code) {
    }
}
