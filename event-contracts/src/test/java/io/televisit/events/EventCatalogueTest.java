package io.televisit.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.televisit.events.visit.VisitCancelled;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract is consistent: Java types, JSON Schemas, topics.csv and the AsyncAPI document say the same. */
class EventCatalogueTest {

    private final EventCodec codec = new EventCodec(new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));

    private static final UUID ID = UUID.fromString("6f1c2f1e-6b7a-4d8e-9a51-0d6a4c3b2a10");
    private static final Instant AT = Instant.parse("2030-01-01T09:00:00Z");

    /** A valid instance of the type's payload: values chosen from its schema (first enum value, a code, fixed ids). */
    private static Object sample(EventType type) throws Exception {
        JsonNode properties = new ObjectMapper().readTree(EventCatalogueTest.class.getResource(type.schemaResource()))
                .get("properties");
        RecordComponent[] components = type.dataClass().getRecordComponents();
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> kind = components[i].getType();
            JsonNode property = properties.get(components[i].getName());
            if (kind == UUID.class) {
                args[i] = ID;
            } else if (kind == Instant.class) {
                args[i] = AT;
            } else if (kind == long.class || kind == Long.class) {
                args[i] = 42L;
            } else if (kind == Integer.class) {
                args[i] = 7;
            } else if (kind == Double.class) {
                args[i] = 1.5;
            } else if (property.has("enum")) {
                args[i] = property.get("enum").get(0).asText();
            } else {
                args[i] = "PATIENT_REQUEST";
            }
        }
        Class<?>[] signature = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        return type.dataClass().getDeclaredConstructor(signature).newInstance(args);
    }

    @Test
    void everyTypeHasASchemaAndASampleThatRoundTrips() throws Exception {
        for (EventType type : EventType.values()) {
            assertNotNull(getClass().getResource(type.schemaResource()), type + " schema");
            Object sample = sample(type);
            CloudEvent event = codec.create(type, ID.toString(), sample, "call-service");
            CloudEvent decoded = codec.decode(codec.encode(event));
            assertEquals(event.id(), decoded.id());
            assertEquals(sample, codec.data(decoded, type.dataClass()));
        }
    }

    @Test
    void invalidPayloadsAreRefusedOnBothSides() {
        assertThrows(InvalidEventException.class, () -> codec.create(EventType.VISIT_CANCELLED, ID.toString(),
                new VisitCancelled(ID, "free text with a name in it"), "call-service"));
        String valid = codec.encode(codec.create(EventType.VISIT_CANCELLED, ID.toString(),
                new VisitCancelled(ID, "DUPLICATE"), "call-service"));
        assertThrows(InvalidEventException.class, () -> codec.decode(valid.replace("\"1.0\"", "\"0.3\"")));
        assertThrows(InvalidEventException.class, () -> codec.decode(valid.replace("\"visitId\"", "\"patientName\"")));
        assertThrows(InvalidEventException.class, () -> codec.decode("[1,2]"));
    }

    @Test
    void topicsCsvMatchesTheTopicEnum() throws IOException {
        List<String> csvTopics;
        try (InputStream in = getClass().getResourceAsStream("/io/televisit/events/topics.csv")) {
            csvTopics = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split(",")[0]).sorted().toList();
        }
        assertEquals(Arrays.stream(Topic.values()).map(Topic::topicName).sorted().toList(), csvTopics);
    }

    @Test
    void asyncApiDocumentsEveryTopicAndType() throws IOException {
        String asyncApi = Files.readString(Path.of("asyncapi.yaml"));
        for (Topic topic : Topic.values()) {
            assertTrue(asyncApi.contains(topic.topicName()), topic + " in asyncapi.yaml");
        }
        for (EventType type : EventType.values()) {
            assertTrue(asyncApi.contains(type.type()), type + " in asyncapi.yaml");
            assertTrue(asyncApi.contains(type.schemaName() + ".json"), type + " schema referenced in asyncapi.yaml");
        }
    }
}
