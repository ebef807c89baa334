package io.televisit.signaling.events;

import io.smallrye.mutiny.Uni;
import io.televisit.events.CloudEvent;
import io.televisit.events.EventCodec;
import io.televisit.events.EventType;
import io.televisit.events.quality.PhoneFallbackRecommended;
import io.televisit.events.quality.QualityProfileRecommended;
import io.televisit.events.quality.QualityWarningIssued;
import io.televisit.signaling.protocol.ParticipantId;
import io.televisit.signaling.protocol.VisitId;
import io.televisit.signaling.service.SessionService;
import io.televisit.signaling.session.LocalSessions;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.HashMap;
import java.util.Map;

/**
 * quality-service's decisions, pushed to the sessions this instance holds (each instance consumes with its own group).
 * A warning goes to everyone in the visit, naming whose connection it is about ("your connection" or "the patient's
 * connection"); a profile recommendation and a phone fallback go only to the participant concerned. Stale decisions
 * of a session that moved are simply not delivered: the next sample brings a fresh one.
 */
@ApplicationScoped
public class QualityDecisionsConsumer {

    private final EventCodec codec;
    private final LocalSessions local;
    private final SessionService sessions;

    public QualityDecisionsConsumer(EventCodec codec, LocalSessions local, SessionService sessions) {
        this.codec = codec;
        this.local = local;
        this.sessions = sessions;
    }

    @Incoming("quality-decisions")
    public Uni<Void> consume(String record) {
        CloudEvent event = codec.decode(record);
        EventType type = EventType.fromType(event.type()).orElse(null);
        if (type == EventType.QUALITY_WARNING_ISSUED) {
            QualityWarningIssued warning = codec.data(event, QualityWarningIssued.class);
            Map<String, Object> payload = Map.of("participantId", warning.participantId().toString(),
                    "level", warning.level(), "code", warning.code());
            local.inVisit(new VisitId(warning.visitId()))
                    .forEach(session -> session.deliver(sessions.frame("quality-warning", null, null, payload)));
        } else if (type == EventType.QUALITY_PROFILE_RECOMMENDED) {
            QualityProfileRecommended profile = codec.data(event, QualityProfileRecommended.class);
            Map<String, Object> payload = new HashMap<>();
            payload.put("profile", profile.profile());
            payload.put("reasonCode", profile.reasonCode());
            if (profile.maxBitrateKbps() != null) {
                payload.put("maxBitrateKbps", profile.maxBitrateKbps());
            }
            push(profile.visitId(), profile.participantId(), "profile-recommendation", payload);
        } else if (type == EventType.PHONE_FALLBACK_RECOMMENDED) {
            PhoneFallbackRecommended fallback = codec.data(event, PhoneFallbackRecommended.class);
            push(fallback.visitId(), fallback.participantId(), "phone-fallback",
                    Map.of("reasonCode", fallback.reasonCode()));
        }
        return Uni.createFrom().voidItem();
    }

    private void push(java.util.UUID visit, java.util.UUID participant, String type, Object payload) {
        local.find(new VisitId(visit), new ParticipantId(participant))
                .ifPresent(session -> session.deliver(sessions.frame(type, null, null, payload)));
    }
}
