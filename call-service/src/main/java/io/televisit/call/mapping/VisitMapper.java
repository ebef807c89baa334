package io.televisit.call.mapping;

import io.televisit.call.model.Visit;
import io.televisit.call.rest.ScheduleVisitRequest;
import io.televisit.call.rest.VisitView;
import io.televisit.call.service.ScheduleCommand;

public final class VisitMapper {

    private VisitMapper() {
    }

    public static VisitView toView(Visit visit) {
        return new VisitView(visit.id, visit.type, visit.status, visit.scheduledAt, visit.appointmentId,
                visit.createdAt, visit.statusReason);
    }

    public static ScheduleCommand toCommand(ScheduleVisitRequest request) {
        return new ScheduleCommand(request.type(), request.scheduledAt(), request.appointmentId());
    }
}
