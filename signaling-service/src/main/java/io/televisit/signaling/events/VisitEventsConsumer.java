package io.televisit.signaling.events;

import io.smallrye.mutiny.Uni;
import io.televisit.events.CloudEvent;
import io.televisit.events.EventCodec;
import io.televisit.events.EventType;
import io.televisit.events.visit.ParticipantAdmitted;
import io.televisit.signaling.protocol.CloseCodes;
import io.televisit.signaling.protocol.ParticipantId;
import io.televisit.signaling.protocol.VisitId;
import io.televisit.signaling.service.SessionService;
import io.televisit.signaling.session.LocalSession;
import io.televisit.signaling.session.LocalSessions;
import io.televisit.signaling.session.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;

/**
 * call-service's visit lifecycle, as it concerns the connections this instance holds: a closed visit (ended,
 * cancelled, missed, declined, failed) ends its sessions with the reason; an admitted patient leaves the waiting room.
 * Each instance consumes with its own group (see application.properties), since each holds other sockets.
 */
@ApplicationScoped
public class VisitEventsConsumer {

    private static final Map<EventType, String> CLOSE_REASONS = Map.of(
            EventType.VISIT_ENDED, "VISIT_ENDED",
            EventType.VISIT_CANCELLED, "VISIT_CANCELLED",
            EventType.VISIT_MISSED, "VISIT_MISSED",
            EventType.VISIT_DECLINED, "VISIT_DECLINED",
            EventType.VISIT_FAILED, "VISIT_FAILED");

    private final EventCodec codec;
    private final LocalSessions local;
    private final SessionService sessions;
    private final SessionStore store;

    public VisitEventsConsumer(EventCodec codec, LocalSessions local, SessionService sessions, SessionStore store) {
        this.codec = codec;
        this.local = local;
        this.sessions = sessions;
        this.store = store;
    }

    @Incoming("visit-events")
    public Uni<Void> consume(String record) {
        CloudEvent event = codec.decode(record);
        EventType type = EventType.fromType(event.type()).orElse(null);
        if (type == EventType.PARTICIPANT_ADMITTED) {
            return admitted(codec.data(event, ParticipantAdmitted.class));
        }
        String reason = CLOSE_REASONS.get(type);
        return reason == null ? Uni.createFrom().voidItem() : close(VisitId.of(event.subject()), reason);
    }

    private Uni<Void> close(VisitId visit, String reason) {
        Uni<Void> all = store.closeOwnerless(visit.value(), reason).replaceWithVoid();
        for (LocalSession session : local.inVisit(visit)) {
            session.deliver(sessions.frame("visit-ended", null, null, Map.of("reason", reason)));
            all = all.chain(() -> sessions.leave(session, reason, CloseCodes.NORMAL, reason));
        }
        return all;
    }

    private Uni<Void> admitted(ParticipantAdmitted admitted) {
        // Recorded here too (idempotent), so the flag is in the database before the patient hears of it.
        return store.admit(admitted.visitId(), admitted.participantId(), admitted.admittedAt()).invoke(() ->
                local.find(new VisitId(admitted.visitId()), new ParticipantId(admitted.participantId()))
                        .filter(LocalSession::admit)
                        .ifPresent(session -> session.deliver(sessions.frame("admitted", null, null,
                                Map.of("reason", "ADMITTED"))))).replaceWithVoid();
    }
}
