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

    HysteresisState withProfile(Profile newProfile, Instant newUpgradeSince) {
        return new HysteresisState(newProfile, newUpgradeSince, warning, warningCode, calmSince, audioBadSince,
                fallbackAt);
    }

    HysteresisState withWarning(WarningLevel newWarning, String newCode, Instant newCalmSince) {
        return new HysteresisState(profile, upgradeSince, newWarning, newCode, newCalmSince, audioBadSince, fallbackAt);
    }

    HysteresisState withAudioBad(Instant newAudioBadSince, Instant newFallbackAt) {
        return new HysteresisState(profile, upgradeSince, warning, warningCode, calmSince, newAudioBadSince,
                newFallbackAt);
    }
}
