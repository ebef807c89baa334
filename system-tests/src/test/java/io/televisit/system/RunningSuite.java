package io.televisit.system;

import io.televisit.testing.TestStack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The five packaged services, started once per test JVM with {@code stack/services.sh start test} (the same launcher
 * the up command uses, giving each process only the environment it would get in Kubernetes) and stopped at exit.
 */
final class RunningSuite {

    static final List<Service> SERVICES = List.of(
            new Service("call-service", 28081, "/api/calls/v1/visits/00000000-0000-0000-0000-000000000001"),
            new Service("signaling-service", 28082, "/api/signaling/v1/visits/00000000-0000-0000-0000-000000000001/sessions"),
            new Service("recording-service", 28083, "/api/recordings/v1/visits/00000000-0000-0000-0000-000000000001/recordings"),
            new Service("quality-service", 28084, "/api/quality/v1/visits/00000000-0000-0000-0000-000000000001/report"),
            new Service("notification-service", 28085, "/api/notifications/v1/visits/00000000-0000-0000-0000-000000000001/reminder"));

    static final int GATEWAY_PORT = 28080;

    private static boolean started;

    private RunningSuite() {
    }

    record Service(String name, int port, String protectedPath) {
        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static synchronized void ensureStarted() {
        if (started) {
            return;
        }
        run("start");
        started = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> run("stop")));
    }

    private static void run(String action) {
        Path script = TestStack.repositoryRoot().resolve("stack/services.sh");
        try {
            Process process = new ProcessBuilder("bash", script.toString(), action, "test").inheritIO().start();
            if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("stack/services.sh " + action + " test failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
