package io.televisit.call.rest;

import io.televisit.call.model.VisitStatus;
import io.televisit.call.model.VisitType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A visit as clients see it. Durations are computed from the recorded instants, never entered. */
public record VisitView(UUID id, VisitType type, VisitStatus status, String appointmentId, Instant scheduledAt,
                        Instant scheduledEndAt, long scheduledDurationSeconds, Instant ringingAt, Instant startedAt,
                        Instant endedAt, Long actualDurationSeconds, String statusReason, String failureDetail,
                        Instant createdAt, List<ParticipantView> participants) {
}
