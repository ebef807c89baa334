package io.televisit.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.televisit.events.CloudEvent;
import io.televisit.events.EventCodec;
import io.televisit.events.EventType;
import io.televisit.events.visit.ParticipantAdmitted;
import io.televisit.testing.TestStack;
import io.televisit.testing.TestTokens;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Load on the signaling WebSocket: R visits of two participants (clinician and patient) against a running
 * signaling-service, from one JVM with non-blocking Vert.x clients. Measures, after a warm-up:
 * <ul>
 *   <li>join latency ({@code join} → {@code joined}) with joins paced well below saturation;</li>
 *   <li>relay latency of ICE candidates in bursts (10 per participant) at a paced total rate, from the send time each
 *       candidate carries (same JVM, so the same clock);</li>
 *   <li>relayed messages per second at saturation: every connection sends as fast as the server's per-connection limit
 *       allows (client-side cap below it, and a small window of unanswered relays per connection);</li>
 *   <li>server CPU time per relayed message (utime+stime from /proc) and RSS / live heap per connection.</li>
 * </ul>
 * A patient the server puts in the waiting room ({@code joined.payload.admission = WAITING}) is admitted with a
 * {@code visit.participant-admitted} event on the visits topic, as call-service would publish it.
 *
 * <p>Usage: {@code SignalingLoadBenchmark <ws-url> <server-pid> [visits=1000] [joinRate=200] [relayRate=2000]
 * [relaySeconds=20] [saturationSeconds=15] [warmupVisits=500]}
 */
public final class SignalingLoadBenchmark {

    /** ICE candidates a participant sends at once (one gathering round). */
    static final int BURST = 10;
    /** Client-side cap per connection at saturation, below the server's 50/s sustained (burst 200). */
    static final int SATURATION_RATE_PER_CONNECTION = 40;
    /** Relays a connection may have sent and its peer not yet received, at saturation. */
    static final int WINDOW = 4;
    static final int SATURATION_RAMP_SECONDS = 3;
    static final long PHASE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);
    static final int CORES = Runtime.getRuntime().availableProcessors();

    private final Vertx vertx;
    private final WebSocketClient client;
    private final URI url;
    private final ServerProcess server;

    private SignalingLoadBenchmark(URI url, long serverPid) {
        this.url = url;
        this.server = new ServerProcess(serverPid);
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(1_000_000)
                .setConnectTimeout(10_000).setTcpNoDelay(true));
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SignalingLoadBenchmark <ws-url> <server-pid> [visits=1000] [joinRate=200]"
                    + " [relayRate=2000] [relaySeconds=20] [saturationSeconds=15] [warmupVisits=500]");
            System.exit(2);
        }
        URI url = URI.create(args[0]);
        long pid = Long.parseLong(args[1]);
        int visits = arg(args, 2, 1000);
        int joinRate = arg(args, 3, 200);
        int relayRate = arg(args, 4, 2000);
        int relaySeconds = arg(args, 5, 20);
        int saturationSeconds = arg(args, 6, 15);
        int warmupVisits = arg(args, 7, 500);

        SignalingLoadBenchmark bench = new SignalingLoadBenchmark(url, pid);
        int failures;
        try {
            failures = bench.run(visits, joinRate, relayRate, relaySeconds, saturationSeconds, warmupVisits);
        } finally {
            bench.vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    private int run(int visits, int joinRate, int relayRate, int relaySeconds, int saturationSeconds, int warmupVisits)
            throws Exception {
        System.out.printf("signaling load benchmark: %d visits x 2 participants = %d connections, warm-up %d visits%n",
                visits, 2 * visits, warmupVisits);
        System.out.printf("  server pid %d at %s; load generator on the same machine (%d cores), 2 event loops%n",
                server.pid(), url, CORES);
        System.out.printf("  joins paced at %d/s; paced relay: bursts of %d ICE candidates, %d msgs/s in total for %d s;"
                        + " saturation: <= %d msgs/s per connection, window %d, %d s after a %d s ramp%n",
                joinRate, BURST, relayRate, relaySeconds, SATURATION_RATE_PER_CONNECTION, WINDOW, saturationSeconds,
                SATURATION_RAMP_SECONDS);
        if (relayRate > 0.5 * SATURATION_RATE_PER_CONNECTION * 2 * visits) {
            System.out.println("  WARNING: the paced relay rate is high for this many connections (per-connection limit)");
        }

        long t0 = System.nanoTime();
        LoadRun warmup = new LoadRun();
        List<LoadVisit> warm = visits(warmup, warmupVisits);
        LoadRun m = new LoadRun();
        List<LoadVisit> all = visits(m, visits);
        System.out.printf("signed %d visit tokens in %.1f s%n", 2 * (visits + warmupVisits), seconds(t0));

        // Warm-up: every code path often enough to be compiled (JIT CPU would count as the server's), then they leave.
        if (warmupVisits > 0) {
            t0 = System.nanoTime();
            List<Participant> live = participants(setUp(warmup, warm, joinRate));
            pacedRelay(warmup, live, relayRate, 3);
            saturate(warmup, live, 5);
            warmup.closing = true;
            live.forEach(Participant::leave);
            awaitAll(live, p -> p.closedFuture, TimeUnit.SECONDS.toNanos(20));
            System.out.printf("warm-up: %d visits in %.1f s%n", live.size() / 2, seconds(t0));
            Thread.sleep(5000);
        }

        m.rssBefore = server.rssKb();
        m.heapBefore = server.liveHeapKb();
        m.classesBefore = server.liveBytesByClass();
        t0 = System.nanoTime();
        List<Participant> live = participants(setUp(m, all, joinRate));
        System.out.printf("set-up (connect, join, admit, offer/answer) of %d visits: %.1f s%n", live.size() / 2,
                seconds(t0));
        Thread.sleep(2 * Participant.ACK_MILLIS); // the set-up frames acknowledged, as a client would
        m.rssAfter = server.rssKb();
        m.heapAfter = server.liveHeapKb();
        m.classesAfter = server.liveBytesByClass();
        m.joined = live.size();

        Thread.sleep(2000);
        Phase idle = new Phase(m, server);
        Thread.sleep(3000);
        m.idle = idle.end();
        m.paced = pacedRelay(m, live, relayRate, relaySeconds);
        m.saturated = saturate(m, live, saturationSeconds);
        m.lost = live.stream().mapToInt(p -> p.inFlight.get()).sum();
        m.closing = true;

        System.out.println();
        System.out.printf("=== signaling load: R=%d visits, %d connections, joins at %d/s, paced relay %d msgs/s,"
                + " saturation %d s ===%n", visits, 2 * visits, joinRate, relayRate, saturationSeconds);
        report(m, 2 * visits, joinRate);
        int failedVisits = visits - m.joined / 2;
        System.out.printf("failed visits: %d, unexpected closes: %s, error frames: %s, relays never received: %d%n",
                failedVisits, new TreeMap<>(m.closes), new TreeMap<>(m.errors), m.lost);
        return failedVisits + m.closes.values().stream().mapToInt(AtomicInteger::get).sum() + m.lost + m.errors.size();
    }

    private static void report(LoadRun m, int connections, int joinRate) {
        System.out.println(m.connect.report());
        System.out.println(m.join.report());
        double joinsPerSecond = m.joined / m.joinPhase.seconds;
        System.out.printf("  %.0f joins/s achieved, server CPU %.2f ms per connect + join (%.2f cores while joining)%n",
                joinsPerSecond, m.joinPhase.serverMillisPer(m.joined), m.joinPhase.serverCores());
        if (joinsPerSecond < 0.9 * joinRate || m.joinPhase.serverCores() > 0.7 * CORES) {
            System.out.println("  NOTE: the joins saturated the server at this rate; lower JOIN_RATE for unsaturated latency");
        }
        System.out.println(m.admissionSummary);
        if (m.admission.count() > 0) {
            System.out.println(m.admission.report());
        }
        System.out.println(m.offerAnswer.report());
        System.out.println(m.relayPaced.report());
        System.out.println(m.relaySaturated.report());

        Phase paced = m.paced;
        Phase sat = m.saturated;
        int offered = SATURATION_RATE_PER_CONNECTION * m.joined;
        double perSecond = sat.relays / sat.seconds;
        System.out.printf("relayed at saturation: %,.0f msgs/s (per second: min %,d, max %,d); offered at most %,d"
                        + " msgs/s%s%n", perSecond, sat.minPerSecond, sat.maxPerSecond, offered,
                perSecond > 0.95 * offered ? " -- NOT saturated: the per-connection cap bounds it, use more visits" : "");
        System.out.printf("  server %.2f cores, load generator %.2f cores (%.1f µs per message), machine %.0f%% busy"
                        + " of %d cores%n", sat.serverCores(), sat.clientCpuNanos / 1e9 / sat.seconds,
                sat.clientCpuNanos / 1e3 / Math.max(1, sat.relays), 100 * sat.machineBusy, CORES);
        double background = m.idle.serverCpuNanos / m.idle.seconds;
        System.out.printf("server CPU per relayed message: paced %.1f µs (%,d msgs, %.2f s CPU in %.1f s),"
                        + " saturation %.1f µs (%,d msgs, %.2f s CPU in %.1f s), both %.1f µs%n",
                paced.serverMicrosPerMessage(), paced.relays, paced.serverCpuNanos / 1e9, paced.seconds,
                sat.serverMicrosPerMessage(), sat.relays, sat.serverCpuNanos / 1e9, sat.seconds,
                (paced.serverCpuNanos + sat.serverCpuNanos) / 1e3 / Math.max(1, paced.relays + sat.relays));
        System.out.printf("  idle background %.3f cores (net of it: paced %.1f µs, saturation %.1f µs);"
                        + " thread context switches per message: paced %.2f, saturation %.2f%n", background / 1e9,
                (paced.serverCpuNanos - background * paced.seconds) / 1e3 / Math.max(1, paced.relays),
                (sat.serverCpuNanos - background * sat.seconds) / 1e3 / Math.max(1, sat.relays),
                (double) paced.serverSwitches / Math.max(1, paced.relays),
                (double) sat.serverSwitches / Math.max(1, sat.relays));
        System.out.printf("  besides the relays the server handled heartbeat pings (one per connection every %d s):"
                + " %,d in the paced phase, %,d at saturation%n", Participant.HEARTBEAT_MILLIS / 1000, paced.pings, sat.pings);

        System.out.printf("server RSS: %,d KB before connecting, %,d KB with all joined -> %.1f KB per connection%n",
                m.rssBefore, m.rssAfter, (double) (m.rssAfter - m.rssBefore) / m.joined);
        if (m.heapBefore >= 0 && m.heapAfter >= 0) {
            System.out.printf("server live heap after a full GC: %,d KB before, %,d KB with all joined -> %.1f KB per"
                    + " connection%n", m.heapBefore, m.heapAfter, (double) (m.heapAfter - m.heapBefore) / m.joined);
        }
        System.out.println("  live bytes per connection by class (largest growth):");
        m.classesAfter.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - m.classesBefore.getOrDefault(e.getKey(), 0L)))
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(30)
                .forEach(e -> System.out.printf("    %8.0f B  %s%n", (double) e.getValue() / m.joined, e.getKey()));
    }

    // ---- phases --------------------------------------------------------------------------------------------------

    /** Connects, joins, admits and negotiates; returns the visits where all of that worked. */
    private List<LoadVisit> setUp(LoadRun run, List<LoadVisit> visits, int joinRate) throws Exception {
        // Each participant connects and joins at once, as a client does (the server closes connections that do not
        // join within its join timeout); clinician first, then the patient, one visit after the other.
        List<Participant> joining = participants(visits);
        Phase joins = new Phase(run, server);
        pace(joining.size(), joinRate, i -> {
            Participant p = joining.get(i);
            long start = System.nanoTime();
            p.connect(vertx, client, url.getHost(), url.getPort(), url.getRawPath())
                    .onSuccess(ws -> {
                        run.connect.add(System.nanoTime() - start);
                        p.join();
                    })
                    .onFailure(e -> {
                        p.failed = true;
                        p.joined.completeExceptionally(e);
                        run.problem("connect failed: " + e.getMessage());
                    });
        });
        awaitAll(joining, p -> p.joined, PHASE_TIMEOUT_NANOS);
        run.joinPhase = joins.end();
        List<LoadVisit> live = alive(visits);

        admit(run, live);
        live = alive(live);

        List<LoadVisit> negotiating = live;
        pace(negotiating.size(), joinRate, i -> negotiating.get(i).clinician().offer());
        awaitAll(participants(negotiating), p -> p.negotiated, PHASE_TIMEOUT_NANOS);
        List<LoadVisit> ready = alive(negotiating);
        if (ready.isEmpty()) {
            throw new IllegalStateException("no visit got through connect, join, admission and offer/answer; is "
                    + url + " the signaling-service?");
        }
        return ready;
    }

    /**
     * Waiting room: patients whose {@code joined} says WAITING get a participant-admitted event, published the way
     * call-service's outbox does (CloudEvent keyed by visit id, content-type header), and must then receive
     * {@code admitted}. Without a waiting room (no admission field, or ADMITTED) there is nothing to do.
     */
    private void admit(LoadRun run, List<LoadVisit> visits) throws Exception {
        List<Participant> waiting = new ArrayList<>();
        for (LoadVisit visit : visits) {
            for (Participant p : visit.both()) {
                if ("WAITING".equals(p.admission)) {
                    waiting.add(p);
                } else {
                    p.admitted.complete(null);
                }
            }
        }
        long withField = visits.stream().flatMap(v -> v.both().stream()).filter(p -> p.admission != null).count();
        if (waiting.isEmpty()) {
            run.admissionSummary = withField == 0
                    ? "admission: no waiting room (joined carries no admission field), nothing to admit"
                    : "admission: every participant ADMITTED at join, nothing to admit";
            return;
        }
        EventCodec codec = new EventCodec(new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        String topic = EventType.PARTICIPANT_ADMITTED.topic().topicName();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (Participant p : waiting) {
                CloudEvent event = codec.create(EventType.PARTICIPANT_ADMITTED, p.visitId,
                        new ParticipantAdmitted(UUID.fromString(p.visitId), UUID.fromString(p.id),
                                p.role, Instant.now().truncatedTo(ChronoUnit.MICROS)), "call-service");
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, p.visitId, codec.encode(event));
                record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                p.admissionSentAt = System.nanoTime();
                producer.send(record, (metadata, e) -> {
                    if (e != null) {
                        p.failed = true;
                        run.problem("admission event not sent: " + e.getMessage());
                    }
                });
            }
            producer.flush();
        }
        int missing = awaitAll(waiting, p -> p.admitted, PHASE_TIMEOUT_NANOS);
        run.admissionSummary = String.format("admission: %d of %d participants WAITING at join, admitted through %s"
                + " (%d never admitted)", waiting.size(), 2 * visits.size(), topic, missing);
    }

    /** Bursts of ICE candidates from participants in turn, at {@code rate} messages per second in total. */
    private Phase pacedRelay(LoadRun run, List<Participant> participants, int rate, int seconds) throws Exception {
        List<Participant> order = new ArrayList<>(participants);
        Collections.shuffle(order);
        int bursts = Math.max(1, rate * seconds / BURST);
        Phase phase = new Phase(run, server);
        run.relayInto = run.relayPaced;
        AtomicInteger n = new AtomicInteger();
        pace(bursts, (double) rate / BURST, i -> {
            Participant p = order.get(i % order.size());
            for (int k = 0; k < BURST; k++) {
                p.candidate(n.incrementAndGet());
            }
        });
        drain(participants);
        run.relayInto = null;
        return phase.end();
    }

    /**
     * Every connection sends as fast as allowed: at most {@link #SATURATION_RATE_PER_CONNECTION} a second (a token
     * bucket holding two, so no catch-up bursts) and at most {@link #WINDOW} unanswered. Counts relays received per
     * second after a ramp.
     */
    private Phase saturate(LoadRun run, List<Participant> participants, int seconds) throws Exception {
        int count = participants.size();
        double[] tokens = new double[count];
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(SATURATION_RAMP_SECONDS);
        long end = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        long last = start;
        long nextSecond = measureFrom + TimeUnit.SECONDS.toNanos(1);
        long lastCount = 0;
        Phase phase = null;
        int n = 0;
        for (long now = start; now < end; now = System.nanoTime()) {
            if (phase == null && now >= measureFrom) {
                phase = new Phase(run, server);
                run.relayInto = run.relaySaturated;
                lastCount = run.relays.sum();
            }
            if (phase != null && now >= nextSecond) {
                long total = run.relays.sum();
                phase.perSecond(total - lastCount);
                lastCount = total;
                nextSecond += TimeUnit.SECONDS.toNanos(1);
            }
            double refill = (now - last) / 1e9 * SATURATION_RATE_PER_CONNECTION;
            last = now;
            for (int i = 0; i < count; i++) {
                Participant p = participants.get(i);
                tokens[i] = Math.min(2, tokens[i] + refill);
                while (tokens[i] >= 1 && p.inFlight.get() < WINDOW) {
                    p.candidate(n++);
                    tokens[i] -= 1;
                }
            }
            LockSupport.parkNanos(2_000_000);
        }
        Phase measured = phase.end();
        run.relayInto = null;
        drain(participants);
        return measured;
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** Runs {@code action(0..count-1)} at {@code perSecond}, on this thread. */
    private static void pace(int count, double perSecond, java.util.function.IntConsumer action) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + (long) (i * 1e9 / perSecond);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            action.accept(i);
        }
    }

    /** Waits until every participant's future is done or the timeout passed; marks the others failed. */
    private static int awaitAll(List<Participant> participants, Function<Participant, CompletableFuture<?>> future,
                                long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        int missing = 0;
        for (Participant p : participants) {
            try {
                future.apply(p).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                p.failed = true;
                missing++;
            }
        }
        return missing;
    }

    /** Waits (up to 30 s) until every relay sent has arrived. */
    private static void drain(List<Participant> participants) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && participants.stream().anyMatch(p -> p.inFlight.get() > 0)) {
            Thread.sleep(20);
        }
    }

    private List<LoadVisit> visits(LoadRun run, int count) {
        return IntStream.range(0, count).parallel().mapToObj(i -> LoadVisit.create(run)).toList();
    }

    private static List<LoadVisit> alive(List<LoadVisit> visits) {
        return visits.stream().filter(v -> !v.clinician().failed && !v.patient().failed).toList();
    }

    private static List<Participant> participants(List<LoadVisit> visits) {
        return visits.stream().flatMap(v -> v.both().stream()).toList();
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

}
