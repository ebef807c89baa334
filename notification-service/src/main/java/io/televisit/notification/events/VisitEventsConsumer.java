package io.televisit.notification.events;

import io.smallrye.mutiny.Uni;
import io.televisit.events.CloudEvent;
import io.televisit.events.EventCodec;
import io.televisit.events.EventType;
import io.televisit.events.inbox.EventHandler;
import io.televisit.events.inbox.Inbox;
import io.televisit.events.visit.VisitCancelled;
import io.televisit.events.visit.VisitRescheduled;
import io.televisit.events.visit.VisitScheduled;
import io.televisit.notification.service.ReminderService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;

/** Visit lifecycle events from call-service drive the reminder schedule. Redeliveries are absorbed by the inbox. */
@ApplicationScoped
public class VisitEventsConsumer {

    static final String CONSUMER = "notification-service.reminders";

    private final Inbox inbox;
    private final EventCodec codec;
    private final ReminderService reminders;
    private final Map<EventType, EventHandler> handlers;

    public VisitEventsConsumer(Inbox inbox, EventCodec codec, ReminderService reminders) {
        this.inbox = inbox;
        this.codec = codec;
        this.reminders = reminders;
        this.handlers = Map.of(
                EventType.VISIT_SCHEDULED, this::scheduled,
                EventType.VISIT_RESCHEDULED, this::rescheduled,
                EventType.VISIT_CANCELLED, this::cancelled);
    }

    @Incoming("visit-events")
    public Uni<Void> consume(String record) {
        return inbox.consume(CONSUMER, record, handlers);
    }

    private Uni<Void> scheduled(CloudEvent event) {
        VisitScheduled data = codec.data(event, VisitScheduled.class);
        return reminders.schedule(data.visitId(), data.scheduledAt());
    }

    private Uni<Void> rescheduled(CloudEvent event) {
        VisitRescheduled data = codec.data(event, VisitRescheduled.class);
        return reminders.reschedule(data.visitId(), data.scheduledAt());
    }

    private Uni<Void> cancelled(CloudEvent event) {
        return reminders.cancel(codec.data(event, VisitCancelled.class).visitId());
    }
}
