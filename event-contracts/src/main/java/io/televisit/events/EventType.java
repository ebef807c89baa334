package io.televisit.events;

import io.televisit.events.visit.VisitCancelled;
import io.televisit.events.visit.VisitRescheduled;
import io.televisit.events.visit.VisitScheduled;

import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of event types. The CloudEvents {@code type} carries the major version, so a breaking change is a new
 * constant (and schema file) while the old one keeps being readable. Additive, optional fields stay in the same version.
 */
public enum EventType {
    VISIT_SCHEDULED("io.televisit.visit.scheduled.v1", Topic.VISITS, VisitScheduled.class),
    VISIT_RESCHEDULED("io.televisit.visit.rescheduled.v1", Topic.VISITS, VisitRescheduled.class),
    VISIT_CANCELLED("io.televisit.visit.cancelled.v1", Topic.VISITS, VisitCancelled.class);

    private static final String SCHEMA_BASE = "https://schemas.televisit.io/events/";

    private final String type;
    private final Topic topic;
    private final Class<?> dataClass;

    EventType(String type, Topic topic, Class<?> dataClass) {
        this.type = type;
        this.topic = topic;
        this.dataClass = dataClass;
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code io.televisit.visit.scheduled.v1}. */
    public String type() {
        return type;
    }

    public Topic topic() {
        return topic;
    }

    public Class<?> dataClass() {
        return dataClass;
    }

    /** Short name used for the schema file, e.g. {@code visit.scheduled.v1}. */
    public String schemaName() {
        return type.substring("io.televisit.".length());
    }

    /** Classpath location of this type's JSON Schema. */
    public String schemaResource() {
        return "/io/televisit/events/schemas/" + schemaName() + ".json";
    }

    /** The CloudEvents {@code dataschema} attribute. */
    public String dataSchemaUri() {
        return SCHEMA_BASE + schemaName() + ".json";
    }

    public static Optional<EventType> fromType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}
