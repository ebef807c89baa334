package io.televisit.notification.rest;

import io.televisit.notification.model.Reminder;
import io.televisit.notification.model.ReminderStatus;

import java.time.Instant;
import java.util.UUID;

public record ReminderView(UUID visitId, Instant visitAt, Instant remindAt, ReminderStatus status, int appliedEvents) {

    public static ReminderView of(Reminder reminder) {
        return new ReminderView(reminder.visitId, reminder.visitAt, reminder.remindAt, reminder.status,
                reminder.appliedEvents);
    }
}
