package io.televisit.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End-to-end quality ingest: N participants (N/2 visits) each report one sample every interval to the samples topic,
 * as signaling-service publishes them; the packaged quality-service scores, decides and publishes through its outbox.
 *
 * <ol>
 *   <li>warm-up at the paced rate;</li>
 *   <li>measured phase at the paced rate: after a third of it, some patients' networks turn bad (15 % loss); the
 *       delay from the sample that completes a bad window to its warning on the decisions topic is measured;</li>
 *   <li>saturation: a backlog sent as fast as the producer goes; the rate at which the service scores it.</li>
 * </ol>
 * Ingest rates come from the service's own counter (televisit_quality_samples_total), CPU from /proc.
 */
public final class QualityIngestBenchmark {

    private static final Pattern SCORED = Pattern.compile(
            "televisit_quality_samples_total\\{[^}]*outcome=\"scored\"[^}]*} ([0-9.eE+]+)");
    private static final String SAMPLES_TOPIC = "televisit.quality-samples.v1";
    private static final String DECISIONS_TOPIC = "televisit.quality-decisions.v1";

    private final String metricsUrl;
    private final ServerProcess server;
    private final KafkaProducer<String, String> producer;
    private final String[] visits;
    private final String[] participants;
    private final String[] roles;
    private final boolean[] bad;
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Percentiles warningDelay = new Percentiles("bad sample -> warning");
    private final AtomicLong decisions = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final HttpClient http = HttpClient.newHttpClient();
    private long clock;
    /** The next participant to report: kept across phases so that every participant's samples stay one interval apart. */
    private int next;

    private QualityIngestBenchmark(String bootstrap, String metricsUrl, long pid, int participantCount) {
        this.metricsUrl = metricsUrl;
        this.server = new ServerProcess(pid);
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 262_144,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        visits = new String[participantCount];
        participants = new String[participantCount];
        roles = new String[participantCount];
        bad = new boolean[participantCount];
        for (int i = 0; i < participantCount; i += 2) {
            String visit = UUID.randomUUID().toString();
            for (int j = i; j < Math.min(i + 2, participantCount); j++) {
                visits[j] = visit;
                participants[j] = UUID.randomUUID().toString();
                roles[j] = j == i ? "CLINICIAN" : "PATIENT";
            }
        }
        // Measurement times are synthetic and strictly increasing per participant: one interval apart.
        clock = Instant.now().minusSeconds(3600).toEpochMilli();
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String metricsUrl = args[1];
        long pid = Long.parseLong(args[2]);
        int participants = Integer.parseInt(args[3]);
        double intervalSeconds = Double.parseDouble(args[4]);
        int warmupSeconds = Integer.parseInt(args[5]);
        int measuredSeconds = Integer.parseInt(args[6]);
        int saturationSeconds = Integer.parseInt(args[7]);
        int badParticipants = Integer.parseInt(args[8]);
        new QualityIngestBenchmark(bootstrap, metricsUrl, pid, participants)
                .run(bootstrap, intervalSeconds, warmupSeconds, measuredSeconds, saturationSeconds, badParticipants);
    }

    private void run(String bootstrap, double interval, int warmup, int measured, int saturation, int badCount)
            throws Exception {
        double rate = participants.length / interval;
        System.out.printf("participants %d in %d visits, one sample each every %.1f s: %.0f samples/s%n",
                participants.length, participants.length / 2, interval, rate);
        scored(); // the counter's value before this run
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = new Thread(() -> readDecisions(bootstrap, reading), "decisions-reader");
        reader.start();
        Thread.sleep(2000);

        paced(rate, warmup, -1, 0);
        awaitScored(sent.get(), Duration.ofSeconds(60));
        System.out.printf("warm-up: %d s, %d samples sent and scored%n", warmup, sent.get());

        long cpu0 = server.cpuNanos();
        double scored0 = scored();
        long sent0 = sent.get();
        long t0 = System.nanoTime();
        paced(rate, measured, measured / 3, badCount);
        long sendNanos = System.nanoTime() - t0;
        long sentMeasured = sent.get() - sent0;
        double lagSeconds = awaitScored(sent.get(), Duration.ofSeconds(60));
        double scoredMeasured = scored() - scored0;
        long cpu = server.cpuNanos() - cpu0;
        Thread.sleep(3000);
        System.out.printf("paced: sent %d in %.1f s (%.0f/s); scored %.0f; all scored %.2f s after the last send%n",
                sentMeasured, sendNanos / 1e9, sentMeasured / (sendNanos / 1e9), scoredMeasured, lagSeconds);
        System.out.printf("paced: quality-service CPU %.1f µs per sample (%.0f %% of one core)%n",
                cpu / 1e3 / scoredMeasured, 100.0 * cpu / (sendNanos + lagSeconds * 1e9));
        System.out.printf("paced: %d patients turned bad; decisions received %d%n", badCount, decisions.get());
        System.out.println(warningDelay.report());

        Arrays.fill(bad, false);
        printServerLatencies();
        // Saturation: a backlog sent as fast as the producer goes, then the time until the service scored it all.
        double scoredS0 = scored();
        long cpuS0 = server.cpuNanos();
        long s0 = System.nanoTime();
        for (int i = 0; i < saturation; i++) {
            sendNext();
        }
        producer.flush();
        double sendSeconds = (System.nanoTime() - s0) / 1e9;
        awaitScored(sent.get(), Duration.ofSeconds(300));
        double seconds = (System.nanoTime() - s0) / 1e9;
        double scoredS = scored() - scoredS0;
        System.out.printf("saturation: backlog of %d sent in %.1f s, scored %.0f in %.1f s: %.0f samples/s; "
                        + "CPU %.1f µs per sample%n", saturation, sendSeconds, scoredS, seconds, scoredS / seconds,
                (server.cpuNanos() - cpuS0) / 1e3 / scoredS);
        System.out.printf("quality-service RSS %d MB%n", server.rssKb() / 1024);
        reading.set(false);
        reader.join();
        producer.close();
    }

    /** Sends {@code rate} samples/s for {@code seconds}; at {@code badAt} s, the first {@code badCount} patients turn bad. */
    private void paced(double rate, int seconds, int badAt, int badCount) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long n = 0;
        boolean flipped = badAt < 0;
        while (System.nanoTime() < end) {
            if (!flipped && System.nanoTime() - start >= badAt * 1_000_000_000L) {
                for (int i = 1, turned = 0; i < participants.length && turned < badCount; i += 2, turned++) {
                    bad[i] = true;
                }
                flipped = true;
            }
            long due = (long) ((System.nanoTime() - start) / 1e9 * rate);
            while (n < due) {
                sendNext();
                n++;
            }
            Thread.sleep(1);
        }
        producer.flush();
    }

    private void sendNext() {
        send(next);
        next = (next + 1) % participants.length;
        if (next == 0) {
            clock += 2000;
        }
    }

    private void send(int i) {
        long measured = clock + i % 2000;
        String at = Instant.ofEpochMilli(measured).toString();
        double loss = bad[i] ? 15.0 : 0.2;
        String json = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/televisit/bench\","
                + "\"type\":\"io.televisit.quality.sample-reported.v1\",\"subject\":\"" + visits[i] + "\",\"time\":\""
                + Instant.now() + "\",\"datacontenttype\":\"application/json\",\"dataschema\":"
                + "\"https://schemas.televisit.io/events/quality.sample-reported.v1.json\",\"data\":{\"sampleId\":\""
                + UUID.randomUUID() + "\",\"visitId\":\"" + visits[i] + "\",\"participantId\":\"" + participants[i]
                + "\",\"role\":\"" + roles[i] + "\",\"measuredAt\":\"" + at + "\",\"direction\":\"INBOUND\","
                + "\"kind\":\"AUDIO\",\"packetLossPct\":" + loss + ",\"jitterMs\":8.0,\"rttMs\":80.0,"
                + "\"bitrateKbps\":32.0,\"concealedPct\":" + loss / 2 + ",\"candidateType\":\"HOST\","
                + "\"protocol\":\"UDP\"}}";
        if (bad[i]) {
            sentAt.put(participants[i] + "@" + at, System.nanoTime());
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(SAMPLES_TOPIC, visits[i], json);
        record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8"
                .getBytes(StandardCharsets.UTF_8));
        producer.send(record);
        sent.incrementAndGet();
    }

    private void readDecisions(String bootstrap, AtomicBoolean reading) {
        Pattern participant = Pattern.compile("\"participantId\":\"([^\"]+)\"");
        Pattern at = Pattern.compile("\"at\":\"([^\"]+)\"");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false))) {
            List<TopicPartition> partitions = consumer.partitionsFor(DECISIONS_TOPIC).stream()
                    .map(p -> new TopicPartition(DECISIONS_TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (reading.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    decisions.incrementAndGet();
                    String value = record.value();
                    if (!value.contains("warning-issued") || value.contains("CLEARED")) {
                        continue;
                    }
                    Matcher p = participant.matcher(value);
                    Matcher a = at.matcher(value);
                    if (p.find() && a.find()) {
                        Long sentNanos = sentAt.get(p.group(1) + "@" + Instant.parse(a.group(1)));
                        if (sentNanos != null) {
                            warningDelay.add(now - sentNanos);
                        }
                    }
                }
            }
        }
    }

    /** The service's own view: Kafka timestamp to commit, and outbox commit to broker acknowledgement. */
    private void printServerLatencies() throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(metricsUrl)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        for (String line : body.split("\n")) {
            if ((line.startsWith("televisit_quality_ingest_delay_seconds{") || line.startsWith("televisit_outbox_delay_seconds{"))
                    && line.contains("quantile")) {
                System.out.println("service: " + line);
            }
        }
    }

    /** Waits until the service scored {@code target} samples (its counter); returns the seconds waited. */
    private double awaitScored(long target, Duration timeout) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        double baseline = scoredBaseline;
        while (System.nanoTime() < deadline && scored() - baseline < target) {
            Thread.sleep(50);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private double scoredBaseline = Double.NaN;

    private double scored() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(metricsUrl)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = SCORED.matcher(response.body());
        double value = m.find() ? Double.parseDouble(m.group(1)) : 0;
        if (Double.isNaN(scoredBaseline)) {
            scoredBaseline = value;
        }
        return value;
    }
}
