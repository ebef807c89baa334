package io.televisit.notification.rest;

import io.smallrye.mutiny.Uni;
import io.televisit.notification.service.ReminderService;
import io.televisit.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

/** Operators' view of a visit's reminder schedule. */
@Path("/api/notifications/v1/visits/{visitId}/reminder")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class ReminderResource {

    private final ReminderService reminders;

    public ReminderResource(ReminderService reminders) {
        this.reminders = reminders;
    }

    @GET
    public Uni<ReminderView> get(@PathParam("visitId") UUID visitId) {
        return reminders.find(visitId).map(found -> found.map(ReminderView::of).orElseThrow(() ->
                ProblemException.notFound("REMINDER_NOT_FOUND", "No reminder for visit " + visitId + ".")));
    }
}
