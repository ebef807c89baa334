package io.televisit.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code televisit.notification.*} */
@ConfigMapping(prefix = "televisit.notification")
public interface NotificationSettings {

    /** How long before a visit its participants are reminded. */
    @WithDefault("PT15M")
    Duration reminderLead();
}
