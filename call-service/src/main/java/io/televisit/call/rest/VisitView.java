package io.televisit.call.rest;

import io.televisit.call.model.VisitStatus;
import io.televisit.call.model.VisitType;

import java.time.Instant;
import java.util.UUID;

public record VisitView(UUID id, VisitType type, VisitStatus status, Instant scheduledAt, String appointmentId,
                        Instant createdAt, String statusReason) {
}
