package io.televisit.call.rest;

import io.televisit.call.model.VisitType;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;

public record ScheduleVisitRequest(
        @NotNull VisitType type,
        @NotNull Instant scheduledAt,
        @Pattern(regexp = "^[A-Za-z0-9._:-]{1,128}$", message = "1-128 letters, digits or . _ : -") String appointmentId) {
}
