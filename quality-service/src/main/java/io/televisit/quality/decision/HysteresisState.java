package io.televisit.quality.decision;

import java.time.Instant;

/**
 * What a participant's decisions depend on besides its recent samples; stored after every change so that another
 * instance (after a rebalance or restart) continues exactly where this one stopped.
 */
public record HysteresisState(Profile profile, Instant upgradeSince, WarningLevel warning, String warningCode,
                              Instant calmSince, Instant audioBadSince, Instant fallbackAt) {

    public static final HysteresisState INITIAL =
            new HysteresisState(Profile.HIGH, null, WarningLevel.NONE, null, null, null, null);
}
