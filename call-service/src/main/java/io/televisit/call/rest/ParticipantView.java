package io.televisit.call.rest;

import io.televisit.call.model.ParticipantRole;
import io.televisit.call.model.ParticipantState;

import java.time.Instant;
import java.util.UUID;

/** @param participationSeconds time connected so far, computed from connection intervals */
public record ParticipantView(UUID id, ParticipantRole role, String subject, ParticipantState state, Instant invitedAt,
                              Instant admittedAt, Instant joinedAt, Instant leftAt, long participationSeconds) {
}
