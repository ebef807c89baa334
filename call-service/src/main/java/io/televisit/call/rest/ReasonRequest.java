package io.televisit.call.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Why a visit is cancelled, declined, ended or failed: a code (free text could carry PHI into events and logs) and,
 * for failures, a short technical detail.
 */
public record ReasonRequest(
        @Pattern(regexp = "^[A-Z_]{1,64}$", message = "an upper-case code such as PATIENT_REQUEST") String reasonCode,
        @Size(max = 500) String detail) {
}
