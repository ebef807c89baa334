package io.televisit.signaling;

import io.televisit.signaling.protocol.CloseCodes;
import io.televisit.signaling.protocol.ErrorCode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/signaling-protocol.md names every message type the code sends or accepts, every error code and every close
 * code, so the reference cannot silently fall behind the code.
 */
class ProtocolDocumentationTest {

    /** Where the code names message types: frames it builds, replies, and the types it dispatches on. */
    private static final Pattern TYPE_IN_CODE = Pattern.compile(
            "(?:frame\\(|ephemeral\\(connection, |case )\"([a-z][a-z-]*)\"");

    private final String doc = read(Path.of("../docs/signaling-protocol.md"));

    @Test
    void everyMessageTypeInTheCodeIsDocumented() throws IOException {
        Set<String> types = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/io/televisit/signaling"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = TYPE_IN_CODE.matcher(read(source));
                while (matcher.find()) {
                    types.add(matcher.group(1));
                }
            }
        }
        assertTrue(types.containsAll(Set.of("join", "resume", "offer", "joined", "resumed", "ice-servers")), types::toString);
        assertEquals(List.of(), missing(types), "message types missing from the protocol doc");
    }

    @Test
    void everyErrorAndCloseCodeIsDocumented() throws IllegalAccessException {
        List<String> codes = new ArrayList<>();
        for (ErrorCode code : ErrorCode.values()) {
            codes.add(code.name());
        }
        for (Field field : CloseCodes.class.getFields()) {
            codes.add(Integer.toString(field.getInt(null)));
        }
        assertEquals(List.of(), missing(codes), "codes missing from the protocol doc");
    }

    private List<String> missing(Iterable<String> names) {
        List<String> missing = new ArrayList<>();
        names.forEach(name -> {
            if (!doc.contains("`" + name + "`")) {
                missing.add(name);
            }
        });
        return missing;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
