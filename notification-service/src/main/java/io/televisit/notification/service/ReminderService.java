package io.televisit.notification.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.televisit.notification.config.NotificationSettings;
import io.televisit.notification.model.Reminder;
import io.televisit.notification.model.ReminderStatus;
import io.televisit.notification.repository.ReminderRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps one reminder per visit in step with the visit's schedule. Methods run inside the caller's transaction (the
 * inbox's), so the reminder change and the "event processed" mark commit together.
 */
@ApplicationScoped
public class ReminderService {

    private final ReminderRepository reminders;
    private final NotificationSettings settings;

    public ReminderService(ReminderRepository reminders, NotificationSettings settings) {
        this.reminders = reminders;
        this.settings = settings;
    }

    public Uni<Void> schedule(UUID visitId, Instant visitAt) {
        return reminders.findById(visitId).chain(existing -> {
            Reminder reminder = existing != null ? existing : new Reminder();
            reminder.visitId = visitId;
            reminder.status = ReminderStatus.PENDING;
            return move(reminder, visitAt).chain(reminders::persist).replaceWithVoid();
        });
    }

    public Uni<Void> reschedule(UUID visitId, Instant visitAt) {
        return reminders.findById(visitId).chain(reminder -> reminder == null
                ? schedule(visitId, visitAt)
                : move(reminder, visitAt).replaceWithVoid());
    }

    public Uni<Void> cancel(UUID visitId) {
        return reminders.findById(visitId).invoke(reminder -> {
            if (reminder != null) {
                reminder.status = ReminderStatus.CANCELLED;
                touch(reminder);
            }
        }).replaceWithVoid();
    }

    @WithSession
    public Uni<Optional<Reminder>> find(UUID visitId) {
        return reminders.findById(visitId).map(Optional::ofNullable);
    }

    private Uni<Reminder> move(Reminder reminder, Instant visitAt) {
        reminder.visitAt = visitAt;
        reminder.remindAt = visitAt.minus(settings.reminderLead());
        touch(reminder);
        return Uni.createFrom().item(reminder);
    }

    private static void touch(Reminder reminder) {
        reminder.appliedEvents++;
        reminder.updatedAt = Instant.now();
    }
}
