package io.televisit.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Builds, encodes and decodes CloudEvents, validating every event against its JSON Schema on both sides:
 * a producer cannot emit an event its consumers would reject, and a consumer never acts on an invalid one.
 */
@ApplicationScoped
public class EventCodec {

    private final ObjectMapper mapper;
    private final EventSchemas schemas = new EventSchemas();

    public EventCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A new event of {@code type} about {@code subject} (the visit id), emitted by {@code source} (a service name). */
    public CloudEvent create(EventType type, String subject, Object data, String source) {
        if (!type.dataClass().isInstance(data)) {
            throw new IllegalArgumentException(type.type() + " needs data of " + type.dataClass().getSimpleName());
        }
        JsonNode json = mapper.valueToTree(data);
        schemas.validateData(type, json);
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), "/televisit/" + source,
                type.type(), subject, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS),
                "application/json", type.dataSchemaUri(), json);
    }

    public String encode(CloudEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode event " + event.id(), e);
        }
    }

    /**
     * Parses and validates an event read from Kafka. Events of types this build does not know are returned with their
     * envelope checked only; callers ignore types they do not handle.
     *
     * @throws InvalidEventException if the record is not a valid Televisit CloudEvent
     */
    public CloudEvent decode(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidEventException("empty record");
        }
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("record is not JSON");
        }
        schemas.validateEnvelope(node);
        CloudEvent event = mapper.convertValue(node, CloudEvent.class);
        EventType.fromType(event.type()).ifPresent(type -> schemas.validateData(type, event.data()));
        return event;
    }

    /** The typed payload of a decoded event. */
    public <T> T data(CloudEvent event, Class<T> dataClass) {
        try {
            return mapper.treeToValue(event.data(), dataClass);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidEventException("data of " + event.type() + " does not map to " + dataClass.getSimpleName());
        }
    }
}
