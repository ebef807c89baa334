package io.televisit.system;

import io.televisit.testing.TestStack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One more packaged signaling-service process on its own port, with the environment stack/services.sh gives the
 * service, so a test can run several instances and stop them gently (SIGTERM) or not (kill -9).
 */
final class SignalingInstance implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;
    private final Process process;

    private SignalingInstance(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    static SignalingInstance start(int port) throws Exception {
        Path root = TestStack.repositoryRoot();
        Process env = new ProcessBuilder("bash", root.resolve("stack/services.sh").toString(), "env", "test",
                "signaling-service").redirectErrorStream(true).start();
        List<String> lines = new String(env.getInputStream().readAllBytes()).lines().toList();
        if (env.waitFor() != 0) {
            throw new IllegalStateException("stack/services.sh env failed: " + lines);
        }
        List<String> command = new ArrayList<>(List.of("java", "-Xmx256m", "-XX:+UseSerialGC", "-jar",
                root.resolve("signaling-service/target/quarkus-app/quarkus-run.jar").toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(root.resolve("system-tests/target/signaling-" + port + ".log").toFile())
                .redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> !name.equals("PATH") && !name.equals("HOME"));
        for (String line : lines) {
            int eq = line.indexOf('=');
            environment.put(line.substring(0, eq), line.substring(eq + 1));
        }
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        SignalingInstance instance = new SignalingInstance(port, builder.start());
        instance.awaitReady(Duration.ofSeconds(60));
        return instance;
    }

    URI ws() {
        return URI.create("ws://127.0.0.1:" + port + "/ws");
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM, as Kubernetes stops a pod; waits for the process to end. */
    int terminate() throws InterruptedException {
        process.destroy();
        return process.waitFor();
    }

    /** kill -9. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("signaling-service on port " + port + " exited during start-up");
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("signaling-service on port " + port + " not ready within " + timeout);
    }
}
