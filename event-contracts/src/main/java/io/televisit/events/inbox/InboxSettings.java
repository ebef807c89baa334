package io.televisit.events.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code televisit.inbox.*}: how long a consumer retries a transient failure before dead-lettering the event. */
@ConfigMapping(prefix = "televisit.inbox")
public interface InboxSettings {

    @WithDefault("8")
    int maxRetries();

    @WithDefault("PT0.2S")
    Duration initialBackoff();

    @WithDefault("PT5S")
    Duration maxBackoff();
}
