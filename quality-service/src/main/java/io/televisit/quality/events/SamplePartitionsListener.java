package io.televisit.quality.events;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import io.televisit.quality.ingest.TrackerCache;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;

/**
 * When partitions move, the visits they carry may now be decided by another instance: the cache is dropped and
 * rebuilt from the database on the next sample, so no instance decides from stale hysteresis.
 */
@ApplicationScoped
@Identifier("quality-samples.rebalancer")
public class SamplePartitionsListener implements KafkaConsumerRebalanceListener {

    private final TrackerCache cache;

    public SamplePartitionsListener(TrackerCache cache) {
        this.cache = cache;
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        cache.clear();
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        cache.clear();
    }
}
