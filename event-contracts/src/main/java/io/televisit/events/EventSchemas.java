package io.televisit.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The JSON Schemas of the envelope and of every event type, loaded once from the classpath. */
final class EventSchemas {

    private static final String ENVELOPE = "/io/televisit/events/schemas/cloudevent.v1.json";

    private final JsonSchema envelope;
    private final Map<EventType, JsonSchema> dataSchemas = new EnumMap<>(EventType.class);

    EventSchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        envelope = load(factory, config, ENVELOPE);
        for (EventType type : EventType.values()) {
            dataSchemas.put(type, load(factory, config, type.schemaResource()));
        }
    }

    void validateEnvelope(JsonNode event) {
        check(envelope, event, "envelope");
    }

    void validateData(EventType type, JsonNode data) {
        check(dataSchemas.get(type), data, type.type());
    }

    private static void check(JsonSchema schema, JsonNode node, String what) {
        Set<ValidationMessage> errors = schema.validate(node);
        if (!errors.isEmpty()) {
            // Messages name paths and rules, never values, so nothing from the payload reaches logs.
            String summary = errors.stream().map(e -> e.getInstanceLocation() + " " + e.getType())
                    .sorted().collect(Collectors.joining(", "));
            throw new InvalidEventException(what + " violates its schema: " + summary);
        }
    }

    private static JsonSchema load(JsonSchemaFactory factory, SchemaValidatorsConfig config, String resource) {
        try (InputStream in = EventSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema " + resource);
            }
            return factory.getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
