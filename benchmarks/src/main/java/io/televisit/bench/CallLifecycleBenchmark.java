package io.televisit.bench;

import io.televisit.testing.TestTokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * create → initiate → answer → end against a running call-service, with a fixed number of concurrent workers, each
 * driving one visit at a time. Prints visits/s and per-call latency percentiles.
 *
 * <p>Usage: {@code CallLifecycleBenchmark <baseUrl> <visits> <concurrency> <warmupVisits>}
 */
public final class CallLifecycleBenchmark {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String clinician = TestTokens.clinician(TestTokens.newSubject());
    private final Percentiles create = new Percentiles("create");
    private final Percentiles initiate = new Percentiles("initiate");
    private final Percentiles answer = new Percentiles("answer");
    private final Percentiles end = new Percentiles("end");
    private final AtomicInteger failures = new AtomicInteger();

    private CallLifecycleBenchmark(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:28081";
        int visits = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 300;

        new CallLifecycleBenchmark(base).run(warmup, concurrency, false);
        CallLifecycleBenchmark measured = new CallLifecycleBenchmark(base);
        long start = System.nanoTime();
        measured.run(visits, concurrency, true);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("call-service lifecycle benchmark: %d visits (4 calls each), concurrency %d, %d warm-up visits%n",
                visits, concurrency, warmup);
        System.out.printf("throughput: %.1f visits/s (%.1f calls/s) over %.1f s, failures: %d%n",
                visits / seconds, 4 * visits / seconds, seconds, measured.failures.get());
        for (Percentiles l : List.of(measured.create, measured.initiate, measured.answer, measured.end)) {
            System.out.println(l.report());
        }
        if (measured.failures.get() > 0) {
            System.exit(1);
        }
    }

    private void run(int visits, int concurrency, boolean record) throws Exception {
        // Tokens are signed up front so the measured loop does only HTTP.
        List<String[]> patients = new ArrayList<>(visits);
        for (int i = 0; i < visits; i++) {
            String subject = TestTokens.newSubject();
            patients.add(new String[]{subject, TestTokens.patient(subject)});
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            done.add(workers.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < visits) {
                    visit(patients.get(i), record);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        workers.shutdown();
    }

    private void visit(String[] patient, boolean record) {
        try {
            String body = "{\"type\":\"VIDEO\",\"scheduledAt\":\"" + Instant.now().plus(1, ChronoUnit.HOURS)
                    + "\",\"participants\":[{\"role\":\"PATIENT\",\"subject\":\"" + patient[0] + "\"}]}";
            String created = call(clinician, "", body, 201, record ? create : null);
            Matcher id = ID.matcher(created);
            if (!id.find()) {
                throw new IllegalStateException("no id in create response");
            }
            String visit = "/" + id.group(1);
            call(clinician, visit + "/initiate", null, 200, record ? initiate : null);
            call(patient[1], visit + "/answer", null, 200, record ? answer : null);
            call(clinician, visit + "/end", null, 200, record ? end : null);
        } catch (Exception e) {
            failures.incrementAndGet();
            System.err.println("visit failed: " + e.getMessage());
        }
    }

    private String call(String token, String path, String body, int expected, Percentiles into) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/calls/v1/visits" + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30));
        request = body == null ? request.POST(HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        long elapsed = System.nanoTime() - start;
        if (response.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        if (into != null) {
            into.add(elapsed);
        }
        return response.body();
    }
}
