package io.televisit.call.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code televisit.call.*}: limits of the visit API. */
@ConfigMapping(prefix = "televisit.call")
public interface CallSettings {

    /** How far ahead a visit may be scheduled. */
    @WithDefault("P400D")
    Duration scheduleHorizon();

    /** How far in the past a scheduled time may lie (clock skew, "visit now"). */
    @WithDefault("PT10M")
    Duration schedulePastTolerance();

    /** Length of a visit when the request gives no end. */
    @WithDefault("PT30M")
    Duration defaultVisitLength();

    @WithDefault("PT8H")
    Duration maxVisitLength();

    /** A ringing visit nobody answers within this time becomes MISSED. */
    @WithDefault("PT60S")
    Duration ringTimeout();
}
