package io.televisit.call.rest;

import io.smallrye.mutiny.Uni;
import io.televisit.call.mapping.VisitMapper;
import io.televisit.call.service.Caller;
import io.televisit.call.service.VisitService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.net.URI;
import java.util.UUID;

@Path("/api/calls/v1/visits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"clinician", "admin"})
public class VisitResource {

    private final VisitService visits;
    private final JsonWebToken token;

    public VisitResource(VisitService visits, JsonWebToken token) {
        this.visits = visits;
        this.token = token;
    }

    @POST
    public Uni<Response> schedule(@NotNull @Valid ScheduleVisitRequest request) {
        return visits.schedule(caller(), VisitMapper.toCommand(request))
                .map(visit -> Response.created(URI.create("/api/calls/v1/visits/" + visit.id))
                        .entity(VisitMapper.toView(visit)).build());
    }

    @GET
    @Path("/{visitId}")
    public Uni<VisitView> get(@PathParam("visitId") UUID visitId) {
        return visits.get(caller(), visitId).map(VisitMapper::toView);
    }

    @PUT
    @Path("/{visitId}/schedule")
    public Uni<VisitView> reschedule(@PathParam("visitId") UUID visitId, @NotNull @Valid RescheduleVisitRequest request) {
        return visits.reschedule(caller(), visitId, request.scheduledAt()).map(VisitMapper::toView);
    }

    @POST
    @Path("/{visitId}/cancel")
    public Uni<VisitView> cancel(@PathParam("visitId") UUID visitId, @NotNull @Valid CancelVisitRequest request) {
        return visits.cancel(caller(), visitId, request.reasonCode()).map(VisitMapper::toView);
    }

    private Caller caller() {
        return new Caller(token.getSubject(), token.getGroups());
    }
}
