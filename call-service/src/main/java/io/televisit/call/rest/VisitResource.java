package io.televisit.call.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.televisit.call.mapping.VisitMapper;
import io.televisit.call.service.VisitService;
import io.televisit.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.UUID;

@Path("/api/calls/v1/visits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"clinician", "patient", "admin"})
public class VisitResource {

    private final VisitService visits;
    private final CallerFactory callers;
    private final ObjectMapper mapper;

    public VisitResource(VisitService visits, CallerFactory callers, ObjectMapper mapper) {
        this.visits = visits;
        this.callers = callers;
        this.mapper = mapper;
    }

    /** Schedules a visit. With an Idempotency-Key, a retry returns the first visit (200, Idempotent-Replayed: true). */
    @POST
    @RolesAllowed({"clinician", "admin"})
    public Uni<Response> schedule(@HeaderParam("Idempotency-Key") String idempotencyKey,
                                  @NotNull @Valid ScheduleVisitRequest request) {
        if (idempotencyKey != null && !idempotencyKey.matches("^[A-Za-z0-9_-]{8,128}$")) {
            throw ProblemException.badRequest("INVALID_IDEMPOTENCY_KEY", "Idempotency-Key: 8-128 letters, digits, - or _.");
        }
        return visits.schedule(callers.caller(), VisitMapper.toCommand(request, idempotencyKey, canonical(request)))
                .map(created -> {
                    VisitView view = VisitMapper.toView(created.context());
                    return created.replayed()
                            ? Response.ok(view).header("Idempotent-Replayed", "true").build()
                            : Response.created(URI.create("/api/calls/v1/visits/" + view.id())).entity(view).build();
                });
    }

    @GET
    @Path("/{visitId}")
    public Uni<VisitView> get(@PathParam("visitId") UUID visitId) {
        return visits.get(callers.caller(), visitId).map(VisitMapper::toView);
    }

    @PUT
    @Path("/{visitId}/schedule")
    @RolesAllowed({"clinician", "admin"})
    public Uni<VisitView> reschedule(@PathParam("visitId") UUID visitId, @NotNull @Valid RescheduleVisitRequest request) {
        return visits.reschedule(callers.caller(), visitId, request.scheduledAt(), request.scheduledEndAt())
                .map(VisitMapper::toView);
    }

    private String canonical(ScheduleVisitRequest request) {
        try {
            return mapper.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
