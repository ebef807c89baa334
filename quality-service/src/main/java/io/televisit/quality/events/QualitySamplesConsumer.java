package io.televisit.quality.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.televisit.events.CloudEvent;
import io.televisit.events.EventCodec;
import io.televisit.events.EventType;
import io.televisit.events.InvalidEventException;
import io.televisit.events.quality.QualitySampleReported;
import io.televisit.quality.ingest.SampleIngest;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Samples from signaling-service, a poll's worth at a time. Records that are not valid samples go to the dead-letter
 * topic one by one and the rest of the batch goes on; a failing database is retried with back-off, so a batch is
 * acknowledged only once it committed.
 */
@ApplicationScoped
public class QualitySamplesConsumer {

    private static final Logger LOG = Logger.getLogger(QualitySamplesConsumer.class);

    private final EventCodec codec;
    private final SampleIngest ingest;
    private final DeadLetters deadLetters;
    private final Counter invalid;
    private final Timer delay;

    public QualitySamplesConsumer(EventCodec codec, SampleIngest ingest, DeadLetters deadLetters,
                                  MeterRegistry registry) {
        this.codec = codec;
        this.ingest = ingest;
        this.deadLetters = deadLetters;
        this.invalid = Counter.builder("televisit.quality.samples").tag("outcome", "invalid")
                .description("Quality samples consumed, by outcome").register(registry);
        this.delay = Timer.builder("televisit.quality.ingest.delay")
                .description("From a sample's Kafka timestamp to its batch's commit").publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    @Incoming("quality-samples")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        List<QualitySampleReported> samples = new ArrayList<>(records.count());
        List<Uni<Void>> rejected = new ArrayList<>();
        long oldest = Long.MAX_VALUE;
        for (ConsumerRecord<String, String> record : records) {
            oldest = Math.min(oldest, record.timestamp());
            try {
                CloudEvent event = codec.decode(record.value());
                if (EventType.QUALITY_SAMPLE_REPORTED.type().equals(event.type())) {
                    samples.add(codec.data(event, QualitySampleReported.class));
                }
            } catch (InvalidEventException e) {
                invalid.increment();
                LOG.warnf("quality sample at %s-%d@%d rejected to the dead-letter topic: %s", record.topic(),
                        record.partition(), record.offset(), e.getMessage());
                rejected.add(deadLetters.send(record, e.getMessage()));
            }
        }
        long since = oldest;
        Uni<Void> deadLettered = rejected.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(rejected).andFailFast().replaceWithVoid();
        // Only the ingest is retried: the dead letters of this batch are sent once.
        Uni<Void> ingested = samples.isEmpty() ? Uni.createFrom().voidItem() : ingest.ingest(samples)
                .onFailure().invoke(e -> LOG.warnf("quality batch of %d failed, retrying: %s", records.count(),
                        e.getClass().getSimpleName()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).indefinitely();
        return deadLettered.chain(() -> ingested)
                .invoke(() -> {
                    if (since != Long.MAX_VALUE) {
                        delay.record(Math.max(0, System.currentTimeMillis() - since), TimeUnit.MILLISECONDS);
                    }
                });
    }
}
