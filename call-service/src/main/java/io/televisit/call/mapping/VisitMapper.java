package io.televisit.call.mapping;

import io.televisit.call.model.Participant;
import io.televisit.call.model.Visit;
import io.televisit.call.rest.ParticipantView;
import io.televisit.call.rest.ScheduleVisitRequest;
import io.televisit.call.rest.VisitView;
import io.televisit.call.service.ScheduleCommand;
import io.televisit.call.service.Sha256;
import io.televisit.call.service.VisitContext;

import java.time.Duration;
import java.time.Instant;

public final class VisitMapper {

    private VisitMapper() {
    }

    public static VisitView toView(VisitContext context) {
        Visit visit = context.visit();
        Instant now = Instant.now();
        Long actual = visit.startedAt == null ? null
                : Duration.between(visit.startedAt, visit.endedAt != null ? visit.endedAt : now).toSeconds();
        return new VisitView(visit.id, visit.type, visit.status, visit.appointmentId, visit.scheduledAt,
                visit.scheduledEndAt, Duration.between(visit.scheduledAt, visit.scheduledEndAt).toSeconds(),
                visit.ringingAt, visit.startedAt, visit.endedAt, actual, visit.statusReason, visit.failureDetail,
                visit.createdAt, context.participants().stream().map(p -> toView(p, now)).toList());
    }

    static ParticipantView toView(Participant p, Instant now) {
        return new ParticipantView(p.id, p.role, p.subject, p.state, p.invitedAt, p.admittedAt, p.joinedAt, p.leftAt,
                p.participation(now).toSeconds());
    }

    /** @param canonicalBody the request as JSON, fingerprinted so a reused Idempotency-Key can be told apart */
    public static ScheduleCommand toCommand(ScheduleVisitRequest request, String idempotencyKey, String canonicalBody) {
        return new ScheduleCommand(request.type(), request.scheduledAt(), request.scheduledEndAt(),
                request.appointmentId(),
                request.participants().stream().map(i -> new ScheduleCommand.Invitee(i.role(), i.subject())).toList(),
                idempotencyKey, Sha256.hex(canonicalBody));
    }
}
