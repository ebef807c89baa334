package io.televisit.events.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/** {@code televisit.outbox.*}: how the relay moves committed events from the outbox table to Kafka. */
@ConfigMapping(prefix = "televisit.outbox")
public interface OutboxSettings {

    /** The CloudEvents {@code source} of this service's events, {@code /televisit/<source>}. */
    @WithDefault("${quarkus.application.name}")
    String source();

    /** Off only for tools that must not publish (e.g. a one-off migration run). */
    @WithDefault("true")
    boolean relayEnabled();

    /**
     * Longest pause between polls when the outbox is drained. The relay is woken at once by a NOTIFY when events
     * commit; polling only covers a lost notification (e.g. across a reconnect).
     */
    @WithDefault("PT1S")
    Duration pollInterval();

    @WithDefault("500")
    int batchSize();

    /** How long the relay waits for the broker's acknowledgement of a batch before retrying it. */
    @WithDefault("PT30S")
    Duration sendTimeout();

    /** Pause before retrying after a database or broker failure. */
    @WithDefault("PT1S")
    Duration failureBackoff();

    /** Published rows are kept this long for audit and replay, then deleted. */
    @WithDefault("P7D")
    Duration publishedRetention();

    /** Extra Kafka producer properties. acks and idempotence cannot be weakened: the relay refuses to start. */
    Map<String, String> producer();
}
