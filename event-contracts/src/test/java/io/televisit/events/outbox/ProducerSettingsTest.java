package io.televisit.events.outbox;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The relay refuses producer settings that could lose or reorder acknowledged events. */
class ProducerSettingsTest {

    private static final Map<String, Object> BROKER = Map.of("bootstrap.servers", "127.0.0.1:1", "group.id", "ignored");

    @Test
    void defaultsAreIdempotentWithAcksAll() {
        assertDoesNotThrow(() -> OutboxProducerFactory.requireIdempotent(
                OutboxProducerFactory.producerConfig(BROKER, Map.of("linger.ms", "5"), "svc")));
    }

    @Test
    void weakenedSettingsAreRefused() {
        for (Map<String, String> weakening : new Map[]{Map.of("acks", "1"), Map.of("acks", "0"),
                Map.of("enable.idempotence", "false"), Map.of("max.in.flight.requests.per.connection", "10")}) {
            assertThrows(IllegalStateException.class, () -> OutboxProducerFactory.requireIdempotent(
                    OutboxProducerFactory.producerConfig(BROKER, weakening, "svc")), weakening.toString());
        }
    }
}
