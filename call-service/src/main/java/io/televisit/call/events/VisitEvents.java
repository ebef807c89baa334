package io.televisit.call.events;

import io.smallrye.mutiny.Uni;
import io.televisit.call.model.Visit;
import io.televisit.events.EventType;
import io.televisit.events.outbox.Outbox;
import io.televisit.events.visit.VisitCancelled;
import io.televisit.events.visit.VisitRescheduled;
import io.televisit.events.visit.VisitScheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Visit lifecycle events, appended to the outbox inside the transaction that changed the visit. */
@ApplicationScoped
public class VisitEvents {

    private final Outbox outbox;

    public VisitEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> scheduled(Visit visit) {
        return outbox.append(EventType.VISIT_SCHEDULED, visit.id,
                new VisitScheduled(visit.id, visit.type.name(), visit.scheduledAt, visit.appointmentId)).replaceWithVoid();
    }

    public Uni<Void> rescheduled(Visit visit, Instant previous) {
        return outbox.append(EventType.VISIT_RESCHEDULED, visit.id,
                new VisitRescheduled(visit.id, previous, visit.scheduledAt)).replaceWithVoid();
    }

    public Uni<Void> cancelled(Visit visit) {
        return outbox.append(EventType.VISIT_CANCELLED, visit.id,
                new VisitCancelled(visit.id, visit.statusReason)).replaceWithVoid();
    }
}
