package io.televisit.events;

import io.televisit.events.consent.ConsentRecorded;
import io.televisit.events.consent.ConsentWithdrawn;
import io.televisit.events.link.JoinLinkIssued;
import io.televisit.events.link.JoinLinkRedeemed;
import io.televisit.events.presence.ParticipantConnected;
import io.televisit.events.presence.ParticipantDisconnected;
import io.televisit.events.presence.ParticipantLeft;
import io.televisit.events.presence.ParticipantReconnected;
import io.televisit.events.quality.PhoneFallbackRecommended;
import io.televisit.events.quality.QualityProfileRecommended;
import io.televisit.events.quality.QualitySampleReported;
import io.televisit.events.quality.QualityWarningIssued;
import io.televisit.events.recording.RecordingStarted;
import io.televisit.events.recording.RecordingStopped;
import io.televisit.events.visit.ParticipantAdmitted;
import io.televisit.events.visit.VisitCancelled;
import io.televisit.events.visit.VisitDeclined;
import io.televisit.events.visit.VisitEnded;
import io.televisit.events.visit.VisitFailed;
import io.televisit.events.visit.VisitMissed;
import io.televisit.events.visit.VisitRescheduled;
import io.televisit.events.visit.VisitRinging;
import io.televisit.events.visit.VisitScheduled;
import io.televisit.events.visit.VisitStarted;

import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of event types. The CloudEvents {@code type} carries the major version, so a breaking change is a new
 * constant (and schema file) while the old one keeps being readable. Additive, optional fields stay in the same version.
 */
public enum EventType {
    // Visit lifecycle (call-service), on the visits topic.
    VISIT_SCHEDULED("io.televisit.visit.scheduled.v1", Topic.VISITS, VisitScheduled.class),
    VISIT_RESCHEDULED("io.televisit.visit.rescheduled.v1", Topic.VISITS, VisitRescheduled.class),
    VISIT_RINGING("io.televisit.visit.ringing.v1", Topic.VISITS, VisitRinging.class),
    VISIT_STARTED("io.televisit.visit.started.v1", Topic.VISITS, VisitStarted.class),
    PARTICIPANT_ADMITTED("io.televisit.visit.participant-admitted.v1", Topic.VISITS, ParticipantAdmitted.class),
    VISIT_ENDED("io.televisit.visit.ended.v1", Topic.VISITS, VisitEnded.class),
    VISIT_CANCELLED("io.televisit.visit.cancelled.v1", Topic.VISITS, VisitCancelled.class),
    VISIT_DECLINED("io.televisit.visit.declined.v1", Topic.VISITS, VisitDeclined.class),
    VISIT_MISSED("io.televisit.visit.missed.v1", Topic.VISITS, VisitMissed.class),
    VISIT_FAILED("io.televisit.visit.failed.v1", Topic.VISITS, VisitFailed.class),
    // Consent and one-time links (call-service), on the visits topic: they belong to the visit's ordered history.
    CONSENT_RECORDED("io.televisit.consent.recorded.v1", Topic.VISITS, ConsentRecorded.class),
    CONSENT_WITHDRAWN("io.televisit.consent.withdrawn.v1", Topic.VISITS, ConsentWithdrawn.class),
    JOIN_LINK_ISSUED("io.televisit.join-link.issued.v1", Topic.VISITS, JoinLinkIssued.class),
    JOIN_LINK_REDEEMED("io.televisit.join-link.redeemed.v1", Topic.VISITS, JoinLinkRedeemed.class),
    // Presence (signaling-service), on the presence topic.
    PARTICIPANT_CONNECTED("io.televisit.presence.participant-connected.v1", Topic.PRESENCE, ParticipantConnected.class),
    PARTICIPANT_DISCONNECTED("io.televisit.presence.participant-disconnected.v1", Topic.PRESENCE,
            ParticipantDisconnected.class),
    PARTICIPANT_RECONNECTED("io.televisit.presence.participant-reconnected.v1", Topic.PRESENCE,
            ParticipantReconnected.class),
    PARTICIPANT_LEFT("io.televisit.presence.participant-left.v1", Topic.PRESENCE, ParticipantLeft.class),
    // Clients' statistics (signaling-service) and what quality-service makes of them.
    QUALITY_SAMPLE_REPORTED("io.televisit.quality.sample-reported.v1", Topic.QUALITY_SAMPLES,
            QualitySampleReported.class),
    QUALITY_WARNING_ISSUED("io.televisit.quality.warning-issued.v1", Topic.QUALITY_DECISIONS,
            QualityWarningIssued.class),
    QUALITY_PROFILE_RECOMMENDED("io.televisit.quality.profile-recommended.v1", Topic.QUALITY_DECISIONS,
            QualityProfileRecommended.class),
    PHONE_FALLBACK_RECOMMENDED("io.televisit.quality.phone-fallback-recommended.v1", Topic.QUALITY_DECISIONS,
            PhoneFallbackRecommended.class),

    // Consent-gated recording (recording-service); signaling shows the participants that it runs.
    RECORDING_STARTED("io.televisit.recording.started.v1", Topic.RECORDINGS, RecordingStarted.class),
    RECORDING_STOPPED("io.televisit.recording.stopped.v1", Topic.RECORDINGS, RecordingStopped.class);

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
