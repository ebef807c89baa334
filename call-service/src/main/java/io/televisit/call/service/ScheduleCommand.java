package io.televisit.call.service;

import io.televisit.call.model.ParticipantRole;
import io.televisit.call.model.VisitType;

import java.time.Instant;
import java.util.List;

/**
 * @param scheduledEndAt null for the configured default length
 * @param idempotencyKey null when the client sent none
 * @param requestHash    fingerprint of the request, to refuse a reused key with a different body
 */
public record ScheduleCommand(VisitType type, Instant scheduledAt, Instant scheduledEndAt, String appointmentId,
                              List<Invitee> participants, String idempotencyKey, String requestHash) {

    public record Invitee(ParticipantRole role, String subject) {
    }
}
