package io.televisit.events.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.televisit.events.CloudEvent;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes committed outbox rows to Kafka in commit-sequence order and marks them sent.
 *
 * <p>One relay per database publishes at a time: the leader holds a PostgreSQL session advisory lock on its own
 * connection, so replicas of a service never interleave (which would break per-visit order). If the leader dies its
 * connection closes, the lock is released and another replica takes over. Delivery is at-least-once (a crash between the
 * broker's ack and the UPDATE re-sends the batch); consumers deduplicate by event id through the inbox.
 *
 * <p>It runs on its own thread, blocking on the reactive pool and the producer, so it never holds an event loop.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key for "outbox relay leader"; each service has its own database, so one constant suffices. */
    private static final long LEADER_LOCK = 0x7e1e_0b0c_0000_0001L;
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration HOUSEKEEPING_EVERY = Duration.ofSeconds(5);
    private static final String SELECT_BATCH = "SELECT seq, topic, event_key, payload, created_at FROM outbox_event "
            + "WHERE published_at IS NULL ORDER BY seq LIMIT $1";
    private static final String MARK_PUBLISHED = "UPDATE outbox_event SET published_at = now() WHERE seq = ANY($1)";

    private final Pool pool;
    private final OutboxProducerFactory producers;
    private final OutboxSettings settings;
    private final AtomicLong backlog = new AtomicLong();
    private final Counter published;
    private final Timer delay;

    private volatile boolean running;
    private volatile boolean leader;
    private volatile Thread worker;
    private volatile String lastFailure = "";
    /** Released by the database's NOTIFY when events commit; the relay waits on it between batches. */
    private final Semaphore wakeUp = new Semaphore(0);
    private Instant nextHousekeeping = Instant.EPOCH;

    public OutboxRelay(Pool pool, OutboxProducerFactory producers, OutboxSettings settings, MeterRegistry registry) {
        this.pool = pool;
        this.producers = producers;
        this.settings = settings;
        this.published = Counter.builder("televisit.outbox.published").description("Events acknowledged by Kafka")
                .register(registry);
        this.delay = Timer.builder("televisit.outbox.delay").description("From commit to broker acknowledgement")
                .publishPercentiles(0.5, 0.99).register(registry);
        registry.gauge("televisit.outbox.backlog", backlog);
    }

    void start(@Observes StartupEvent startup) {
        if (!settings.relayEnabled()) {
            LOG.info("outbox relay disabled by configuration");
            return;
        }
        // Built here, not lazily, so a weakened producer configuration stops the service at start-up.
        KafkaProducer<String, String> producer = producers.create();
        running = true;
        worker = new Thread(() -> run(producer), "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            // Let an in-flight batch finish and be marked; interrupt only a relay stuck past its send timeout.
            thread.join(settings.sendTimeout().toMillis() + 1000);
            thread.interrupt();
        }
    }

    public boolean isAlive() {
        Thread thread = worker;
        return !settings.relayEnabled() || (thread != null && thread.isAlive());
    }

    public boolean isLeader() {
        return leader;
    }

    public long backlog() {
        return backlog.get();
    }

    public String lastFailure() {
        return lastFailure;
    }

    private void run(KafkaProducer<String, String> producer) {
        SqlConnection connection = null;
        try {
            while (running) {
                try {
                    if (connection == null) {
                        connection = pool.getConnection().await().atMost(DB_TIMEOUT);
                    }
                    if (!leader && !(leader = tryLead(connection))) {
                        Thread.sleep(settings.failureBackoff().toMillis() * 2);
                        continue;
                    }
                    wakeUp.drainPermits();
                    int sent = publishBatch(connection, producer);
                    housekeeping(connection);
                    if (sent < settings.batchSize()) {
                        // Sleep until events commit, or poll anyway after a while in case a notification was lost.
                        wakeUp.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException | ExecutionException | TimeoutException e) {
                    lastFailure = e.getClass().getSimpleName();
                    LOG.warnf("outbox relay will retry after %s: %s", e.getClass().getSimpleName(), e.getMessage());
                    leader = false;
                    close(connection);
                    connection = null;
                    Thread.sleep(settings.failureBackoff().toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            leader = false;
            close(connection);
            producer.close(Duration.ofSeconds(5));
        }
    }

    private boolean tryLead(SqlConnection connection) {
        boolean locked = connection.preparedQuery("SELECT pg_try_advisory_lock($1) AS locked")
                .execute(Tuple.of(LEADER_LOCK)).await().atMost(DB_TIMEOUT)
                .iterator().next().getBoolean("locked");
        if (locked) {
            PgConnection.cast(connection).notificationHandler(notification -> wakeUp.release());
            connection.query("LISTEN outbox_event").execute().await().atMost(DB_TIMEOUT);
            LOG.info("outbox relay is the publishing leader");
        }
        return locked;
    }

    private int publishBatch(SqlConnection connection, KafkaProducer<String, String> producer)
            throws ExecutionException, InterruptedException, TimeoutException {
        List<Row> rows = new ArrayList<>();
        connection.preparedQuery(SELECT_BATCH).execute(Tuple.of(settings.batchSize()))
                .await().atMost(DB_TIMEOUT).forEach(rows::add);
        if (rows.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ProducerRecord<String, String> record = new ProducerRecord<>(
                    row.getString("topic"), row.getString("event_key"), row.getString("payload"));
            record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            acks.add(producer.send(record));
        }
        // Mark only the acknowledged prefix: what follows a failure is sent again, after what precedes it.
        List<Long> done = new ArrayList<>(rows.size());
        ExecutionException failure = null;
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        for (int i = 0; i < rows.size() && failure == null; i++) {
            try {
                acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                done.add(rows.get(i).getLong("seq"));
                OffsetDateTime created = rows.get(i).getOffsetDateTime("created_at");
                delay.record(Duration.between(created.toInstant(), Instant.now()));
            } catch (ExecutionException e) {
                failure = e;
            }
        }
        if (!done.isEmpty()) {
            connection.preparedQuery(MARK_PUBLISHED).execute(Tuple.of(done.toArray(new Long[0])))
                    .await().atMost(DB_TIMEOUT);
            published.increment(done.size());
        }
        if (failure != null) {
            throw failure;
        }
        return done.size();
    }

    private void housekeeping(SqlConnection connection) {
        Instant now = Instant.now();
        if (now.isBefore(nextHousekeeping)) {
            return;
        }
        nextHousekeeping = now.plus(HOUSEKEEPING_EVERY);
        backlog.set(connection.query("SELECT count(*) AS n FROM outbox_event WHERE published_at IS NULL")
                .execute().await().atMost(DB_TIMEOUT).iterator().next().getLong("n"));
        OffsetDateTime cutoff = OffsetDateTime.now().minus(settings.publishedRetention());
        connection.preparedQuery("DELETE FROM outbox_event WHERE published_at < $1")
                .execute(Tuple.of(cutoff)).await().atMost(DB_TIMEOUT);
    }

    private static void close(SqlConnection connection) {
        if (connection != null) {
            try {
                connection.close().await().atMost(DB_TIMEOUT);
            } catch (RuntimeException ignored) {
                // The connection is being discarded after a failure; closing it is best effort.
            }
        }
    }
}
