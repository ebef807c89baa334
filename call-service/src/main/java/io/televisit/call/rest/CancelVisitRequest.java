package io.televisit.call.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Why a visit is cancelled, as a code (free text could carry PHI into events and logs). */
public record CancelVisitRequest(
        @NotNull @Pattern(regexp = "^[A-Z_]{1,64}$", message = "an upper-case code such as PATIENT_REQUEST") String reasonCode) {
}
