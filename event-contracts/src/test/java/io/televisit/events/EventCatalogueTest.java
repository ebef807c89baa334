package io.televisit.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.televisit.events.visit.VisitCancelled;
import io.televisit.events.visit.VisitRescheduled;
import io.televisit.events.visit.VisitScheduled;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
    private static final Map<EventType, Object> SAMPLES = Map.of(
            EventType.VISIT_SCHEDULED, new VisitScheduled(ID, "VIDEO", Instant.parse("2030-01-01T09:00:00Z"), "A-1"),
            EventType.VISIT_RESCHEDULED, new VisitRescheduled(ID, Instant.parse("2030-01-01T09:00:00Z"),
                    Instant.parse("2030-01-02T09:00:00Z")),
            EventType.VISIT_CANCELLED, new VisitCancelled(ID, "PATIENT_REQUEST"));

    @Test
    void everyTypeHasASchemaAndASampleThatRoundTrips() {
        for (EventType type : EventType.values()) {
            assertNotNull(getClass().getResource(type.schemaResource()), type + " schema");
            Object sample = SAMPLES.get(type);
            assertNotNull(sample, "sample for " + type);
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
