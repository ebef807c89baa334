package io.televisit.call.service;

import io.televisit.call.model.VisitType;

import java.time.Instant;

public record ScheduleCommand(VisitType type, Instant scheduledAt, String appointmentId) {
}
