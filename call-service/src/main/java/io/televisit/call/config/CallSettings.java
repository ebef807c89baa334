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
}
