package io.televisit.call.rest;

import jakarta.validation.constraints.NotNull;

import java.time.Instant;

public record RescheduleVisitRequest(@NotNull Instant scheduledAt, Instant scheduledEndAt) {
}
