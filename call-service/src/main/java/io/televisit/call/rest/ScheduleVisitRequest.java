package io.televisit.call.rest;

import io.televisit.call.model.ParticipantRole;
import io.televisit.call.model.VisitType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * A visit to schedule. The calling clinician is added as a clinician participant unless listed. Participants are
 * account ids (subject) and roles only; a patient without an account is invited by a one-time link instead.
 */
public record ScheduleVisitRequest(
        @NotNull VisitType type,
        @NotNull Instant scheduledAt,
        Instant scheduledEndAt,
        @Pattern(regexp = "^[A-Za-z0-9._:-]{1,128}$", message = "1-128 letters, digits or . _ : -") String appointmentId,
        @NotNull @Size(min = 1, max = 10) List<@Valid @NotNull Invitee> participants) {

    public record Invitee(
            @NotNull ParticipantRole role,
            @Pattern(regexp = "^[A-Za-z0-9._:@|-]{1,128}$", message = "an account id") String subject) {
    }
}
