package io.televisit.call.events;

import io.smallrye.mutiny.Uni;
import io.televisit.call.model.Participant;
import io.televisit.call.model.Visit;
import io.televisit.events.EventType;
import io.televisit.events.outbox.Outbox;
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
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/** Visit lifecycle events, appended to the outbox inside the transaction that changed the visit. */
@ApplicationScoped
public class VisitEvents {

    private final Outbox outbox;

    public VisitEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> scheduled(Visit visit) {
        return emit(EventType.VISIT_SCHEDULED, visit,
                new VisitScheduled(visit.id, visit.type.name(), visit.scheduledAt, visit.appointmentId));
    }

    public Uni<Void> rescheduled(Visit visit, Instant previous) {
        return emit(EventType.VISIT_RESCHEDULED, visit, new VisitRescheduled(visit.id, previous, visit.scheduledAt));
    }

    /** The event announcing the status {@code visit} has just reached. */
    public Uni<Void> statusReached(Visit visit, Participant actor) {
        return switch (visit.status) {
            case RINGING -> emit(EventType.VISIT_RINGING, visit,
                    new VisitRinging(visit.id, visit.ringingAt, visit.ringDeadline));
            case IN_PROGRESS -> emit(EventType.VISIT_STARTED, visit, new VisitStarted(visit.id, visit.startedAt));
            case ENDED -> emit(EventType.VISIT_ENDED, visit, new VisitEnded(visit.id, visit.endedAt,
                    Duration.between(visit.startedAt, visit.endedAt).toSeconds(), visit.statusReason));
            case CANCELLED -> emit(EventType.VISIT_CANCELLED, visit, new VisitCancelled(visit.id, visit.statusReason));
            case DECLINED -> emit(EventType.VISIT_DECLINED, visit,
                    new VisitDeclined(visit.id, actor.id, visit.statusReason));
            case MISSED -> emit(EventType.VISIT_MISSED, visit,
                    new VisitMissed(visit.id, visit.ringingAt, visit.endedAt));
            case FAILED -> emit(EventType.VISIT_FAILED, visit,
                    new VisitFailed(visit.id, visit.statusReason, visit.endedAt));
            case SCHEDULED -> throw new IllegalStateException("no transition leads back to SCHEDULED");
        };
    }

    public Uni<Void> admitted(Visit visit, Participant participant) {
        return emit(EventType.PARTICIPANT_ADMITTED, visit, new ParticipantAdmitted(visit.id, participant.id,
                participant.role.name(), participant.admittedAt));
    }

    private Uni<Void> emit(EventType type, Visit visit, Object data) {
        return outbox.append(type, visit.id, data).replaceWithVoid();
    }
}
