package io.televisit.events.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.televisit.events.CloudEvent;
import io.televisit.events.EventCodec;
import io.televisit.events.EventType;
import io.televisit.events.InvalidEventException;
import io.televisit.events.visit.VisitCancelled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Idempotent consumption against real PostgreSQL: the effect and the processed mark commit together. */
@QuarkusTest
class InboxTest {

    private static final String CONSUMER = "inbox-test";

    @Inject
    Inbox inbox;
    @Inject
    EventCodec codec;
    @Inject
    Pool pool;

    @Test
    void redeliveredEventIsAppliedOnce() throws Exception {
        UUID noteId = insertNote();
        String record = cancelledEvent(noteId);

        consume(record, noteId);
        consume(record, noteId);

        assertEquals(1, counter(noteId));
    }

    @Test
    void concurrentDeliveriesOfOneEventApplyItOnce() throws Exception {
        UUID noteId = insertNote();
        String record = cancelledEvent(noteId);
        ExecutorService threads = Executors.newFixedThreadPool(6);
        List<Future<Void>> results = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Callable<Void> delivery = () -> {
                consume(record, noteId);
                return null;
            };
            results.add(threads.submit(delivery));
        }
        for (Future<Void> result : results) {
            result.get();
        }
        threads.shutdown();
        assertEquals(1, counter(noteId));
    }

    @Test
    void failedEffectLeavesNoMarkSoARetryAppliesIt() throws Throwable {
        UUID noteId = insertNote();
        String record = cancelledEvent(noteId);
        AtomicInteger attempts = new AtomicInteger();
        EventHandler failsTwiceThenWorks = event -> attempts.incrementAndGet() <= 3
                ? Uni.createFrom().failure(new IllegalStateException("transient"))
                : increment(noteId);
        // max-retries=2 in the test profile: 3 attempts fail, the delivery fails (it would be dead-lettered).
        assertThrows(IllegalStateException.class, () -> VertxContextSupport.subscribeAndAwait(() ->
                inbox.consume(CONSUMER, record, Map.of(EventType.VISIT_CANCELLED, failsTwiceThenWorks))));
        assertEquals(0, counter(noteId));
        // Kafka redelivers; now the effect succeeds and is applied once.
        VertxContextSupport.subscribeAndAwait(() ->
                inbox.consume(CONSUMER, record, Map.of(EventType.VISIT_CANCELLED, failsTwiceThenWorks)));
        assertEquals(1, counter(noteId));
    }

    @Test
    void invalidRecordsFailAtOnceWithoutRetry() {
        AtomicInteger calls = new AtomicInteger();
        EventHandler counting = event -> {
            calls.incrementAndGet();
            return Uni.createFrom().voidItem();
        };
        for (String poison : List.of("", "not json", "{\"specversion\":\"1.0\"}",
                cancelledEvent(UUID.randomUUID()).replace("DUPLICATE", "not a code"))) {
            assertThrows(InvalidEventException.class, () -> VertxContextSupport.subscribeAndAwait(() ->
                    inbox.consume(CONSUMER, poison, Map.of(EventType.VISIT_CANCELLED, counting))));
        }
        assertEquals(0, calls.get());
    }

    @Test
    void typesWithoutAHandlerAreAcknowledgedAndIgnored() throws Throwable {
        UUID noteId = insertNote();
        VertxContextSupport.subscribeAndAwait(() -> inbox.consume(CONSUMER, cancelledEvent(noteId), Map.of()));
        assertEquals(0, counter(noteId));
    }

    private void consume(String record, UUID noteId) throws Exception {
        try {
            VertxContextSupport.subscribeAndAwait(() ->
                    inbox.consume(CONSUMER, record, Map.of(EventType.VISIT_CANCELLED, event -> increment(noteId))));
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static Uni<Void> increment(UUID noteId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("UPDATE note SET counter = counter + 1 WHERE id = ?1")
                .setParameter(1, noteId).executeUpdate()).replaceWithVoid();
    }

    private String cancelledEvent(UUID id) {
        CloudEvent event = codec.create(EventType.VISIT_CANCELLED, id.toString(), new VisitCancelled(id, "DUPLICATE"),
                "event-contracts-test");
        return codec.encode(event);
    }

    private UUID insertNote() {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("INSERT INTO note (id, counter) VALUES ($1, 0)").execute(Tuple.of(id))
                .await().atMost(Duration.ofSeconds(5));
        return id;
    }

    private int counter(UUID id) {
        return pool.preparedQuery("SELECT counter FROM note WHERE id = $1").execute(Tuple.of(id))
                .await().atMost(Duration.ofSeconds(5)).iterator().next().getInteger("counter");
    }
}
