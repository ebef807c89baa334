package io.televisit.notification.model;

public enum ReminderStatus {
    PENDING,
    SENT,
    CANCELLED
}
