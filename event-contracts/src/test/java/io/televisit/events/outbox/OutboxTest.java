package io.televisit.events.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.televisit.events.CloudEvent;
import io.televisit.events.EventCodec;
import io.televisit.events.EventType;
import io.televisit.events.Topic;
import io.televisit.events.visit.VisitRescheduled;
import io.televisit.events.visit.VisitScheduled;
import io.televisit.testing.KafkaProbe;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox against real PostgreSQL and a real Kafka broker. */
@QuarkusTest
class OutboxTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    NoteService notes;
    @Inject
    EventCodec codec;
    @Inject
    Outbox outbox;
    @Inject
    Pool pool;

    @Test
    void committedEventIsPublishedExactlyOnceAndMarkedSent() throws Throwable {
        UUID id = UUID.randomUUID();
        try (KafkaProbe probe = new KafkaProbe(Topic.VISITS.topicName())) {
            VertxContextSupport.subscribeAndAwait(() -> notes.create(id, false));

            List<ConsumerRecord<String, String>> records = probe.await(r -> id.toString().equals(r.key()), 1, WAIT);
            assertEquals(1, records.size());
            CloudEvent event = codec.decode(records.get(0).value());
            assertEquals(EventType.VISIT_SCHEDULED.type(), event.type());
            assertEquals(id, codec.data(event, VisitScheduled.class).visitId());
            assertTrue(probe.drain(r -> id.toString().equals(r.key()), Duration.ofSeconds(1)).isEmpty());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (unpublishedRows(id) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, unpublishedRows(id), "published rows are marked");
    }

    @Test
    void commitWakesTheRelayWithoutWaitingForThePoll() throws Throwable {
        // The test profile polls only every 5 s; arrival well within that proves the NOTIFY path.
        Thread.sleep(300);
        for (int i = 0; i < 3; i++) {
            UUID id = UUID.randomUUID();
            try (KafkaProbe probe = new KafkaProbe(Topic.VISITS.topicName())) {
                long start = System.nanoTime();
                VertxContextSupport.subscribeAndAwait(() -> notes.create(id, false));
                assertEquals(1, probe.await(r -> id.toString().equals(r.key()), 1, Duration.ofSeconds(2)).size(),
                        "event published within 2 s of commit, " + (System.nanoTime() - start) / 1_000_000 + " ms");
            }
        }
    }

    @Test
    void rolledBackTransactionPublishesNothing() throws Throwable {
        UUID rolledBack = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        try (KafkaProbe probe = new KafkaProbe(Topic.VISITS.topicName())) {
            assertThrows(IllegalStateException.class,
                    () -> VertxContextSupport.subscribeAndAwait(() -> notes.create(rolledBack, true)));
            // A later event on the same topic proves the relay moved past the point where the first would have been.
            VertxContextSupport.subscribeAndAwait(() -> notes.create(marker, false));
            List<ConsumerRecord<String, String>> seen = probe.await(
                    r -> r.key().equals(marker.toString()) || r.key().equals(rolledBack.toString()), 1, WAIT);
            assertEquals(List.of(marker.toString()), seen.stream().map(ConsumerRecord::key).toList());
            assertTrue(probe.drain(r -> r.key().equals(rolledBack.toString()), Duration.ofSeconds(1)).isEmpty());
        }
        assertEquals(0, rows(rolledBack), "no outbox row survives a rollback");
    }

    @Test
    void eventsOfOneKeyArriveInCommitOrderUnderConcurrentWriters() throws Throwable {
        UUID id = UUID.randomUUID();
        VertxContextSupport.subscribeAndAwait(() -> notes.create(id, false));
        int bumps = 40;
        try (KafkaProbe probe = new KafkaProbe(Topic.VISITS.topicName())) {
            ExecutorService writers = Executors.newFixedThreadPool(8);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < bumps; i++) {
                done.add(writers.submit(() -> bump(id)));
            }
            for (Future<?> f : done) {
                f.get();
            }
            writers.shutdown();

            List<ConsumerRecord<String, String>> records = probe.await(r -> r.key().equals(id.toString())
                    && codec.decode(r.value()).type().equals(EventType.VISIT_RESCHEDULED.type()), bumps, WAIT);
            List<Long> counters = records.stream()
                    .map(r -> codec.data(codec.decode(r.value()), VisitRescheduled.class).scheduledAt().getEpochSecond())
                    .toList();
            List<Long> expected = new ArrayList<>();
            for (long i = 1; i <= bumps; i++) {
                expected.add(i);
            }
            assertEquals(expected, counters, "one key's events arrive in the order their transactions committed");
        }
    }

    @Test
    void appendOutsideATransactionIsRefused() {
        UUID id = UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> VertxContextSupport.subscribeAndAwait(() ->
                Panache.withSession(() -> outbox.append(EventType.VISIT_SCHEDULED, id,
                        new VisitScheduled(id, "VIDEO", Instant.now(), null)))));
    }

    @Test
    void anEventThatViolatesItsSchemaIsNeverWritten() {
        UUID id = UUID.randomUUID();
        assertThrows(RuntimeException.class, () -> VertxContextSupport.subscribeAndAwait(() ->
                Panache.withTransaction(() -> outbox.append(EventType.VISIT_SCHEDULED, id,
                        new VisitScheduled(id, "HOLOGRAM", Instant.now(), null)))));
        assertEquals(0, rows(id));
    }

    private Void bump(UUID id) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> notes.bump(id));
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private long rows(UUID key) {
        return count("SELECT count(*) AS n FROM outbox_event WHERE event_key = $1", key);
    }

    private long unpublishedRows(UUID key) {
        return count("SELECT count(*) AS n FROM outbox_event WHERE event_key = $1 AND published_at IS NULL", key);
    }

    private long count(String sql, UUID key) {
        return pool.preparedQuery(sql).execute(Tuple.of(key.toString())).await().atMost(Duration.ofSeconds(5))
                .iterator().next().getLong("n");
    }
}
