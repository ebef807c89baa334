package io.televisit.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The test stack started by {@code stack/test.sh}: real PostgreSQL, Kafka, S3 and coturn processes on loopback.
 * Values come from {@code .stack/test/stack.env}, exported into the environment of the build.
 */
public final class TestStack {

    private TestStack() {
    }

    public static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the tests with stack/test.sh, which starts the"
                    + " test stack and exports its settings (or `source .stack/test/stack.env` first)");
        }
        return value;
    }

    public static String kafkaBootstrap() {
        return env("TELEVISIT_KAFKA_BOOTSTRAP");
    }

    public static int pgPort() {
        return Integer.parseInt(env("TELEVISIT_PG_PORT"));
    }

    public static String dbPassword() {
        return env("TELEVISIT_DB_PASSWORD");
    }

    public static String jwtIssuer() {
        return env("TELEVISIT_JWT_ISSUER");
    }

    public static Path jwtPrivateKey() {
        Path key = Path.of(env("TELEVISIT_JWT_PRIVATE_KEY"));
        if (!Files.isReadable(key)) {
            throw new IllegalStateException("test JWT key missing: " + key);
        }
        return key;
    }

    /** The repository root (tests run with the module as working directory). */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("event-contracts"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
