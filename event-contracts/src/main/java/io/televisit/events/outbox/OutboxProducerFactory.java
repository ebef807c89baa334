package io.televisit.events.outbox;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.Map;

/** Creates the relay's Kafka producer: acks=all and idempotence are set explicitly and verified before use. */
@ApplicationScoped
public class OutboxProducerFactory {

    private final Map<String, Object> kafkaConfig;
    private final OutboxSettings settings;

    public OutboxProducerFactory(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, OutboxSettings settings) {
        this.kafkaConfig = kafkaConfig;
        this.settings = settings;
    }

    public KafkaProducer<String, String> create() {
        Map<String, Object> config = producerConfig(kafkaConfig, settings.producer(), settings.source());
        requireIdempotent(config);
        return new KafkaProducer<>(config);
    }

    static Map<String, Object> producerConfig(Map<String, Object> broker, Map<String, String> overrides, String clientId) {
        Map<String, Object> config = new HashMap<>();
        broker.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-outbox");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.putAll(overrides);
        return config;
    }

    /** Fails start-up when the effective configuration could lose or duplicate-and-reorder acknowledged events. */
    static void requireIdempotent(Map<String, Object> config) {
        ProducerConfig effective;
        try {
            effective = new ProducerConfig(config);
        } catch (ConfigException e) {
            // Kafka itself rejects some contradictions (e.g. idempotence with acks=1); report them the same way.
            throw new IllegalStateException("outbox producer configuration refused: " + e.getMessage(), e);
        }
        String acks = effective.getString(ProducerConfig.ACKS_CONFIG);
        if (!"all".equals(acks) && !"-1".equals(acks)) {
            throw new IllegalStateException("outbox producer needs acks=all, configured: acks=" + acks);
        }
        if (!effective.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)) {
            throw new IllegalStateException("outbox producer needs enable.idempotence=true");
        }
        if (effective.getInt(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION) > 5) {
            throw new IllegalStateException("outbox producer needs max.in.flight.requests.per.connection <= 5 to keep order");
        }
    }
}
