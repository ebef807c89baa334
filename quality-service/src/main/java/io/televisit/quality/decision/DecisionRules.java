package io.televisit.quality.decision;

import io.televisit.quality.config.QualitySettings;

import java.time.Duration;

/** The decision parameters of {@link QualitySettings}, as plain values for the trackers. */
public record DecisionRules(Duration window, int minSamples, Duration upgradeHold, Duration audioBadFor,
                            String protectedSenderRole) {

    public static DecisionRules of(QualitySettings settings) {
        return new DecisionRules(settings.window(), settings.minSamples(), settings.upgradeHold(),
                settings.fallback().audioBadFor(), settings.profiles().protectedSenderRole());
    }
}
