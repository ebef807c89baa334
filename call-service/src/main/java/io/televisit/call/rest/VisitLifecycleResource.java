package io.televisit.call.rest;

import io.smallrye.mutiny.Uni;
import io.televisit.call.mapping.VisitMapper;
import io.televisit.call.model.VisitAction;
import io.televisit.call.service.TransitionCommand;
import io.televisit.call.service.VisitService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

/** Moves a visit through its lifecycle. An action the visit's status does not allow is a 409 with currentStatus. */
@Path("/api/calls/v1/visits/{visitId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"clinician", "patient", "admin"})
public class VisitLifecycleResource {

    private final VisitService visits;
    private final CallerFactory callers;

    public VisitLifecycleResource(VisitService visits, CallerFactory callers) {
        this.visits = visits;
        this.callers = callers;
    }

    @POST
    @Path("/initiate")
    public Uni<VisitView> initiate(@PathParam("visitId") UUID visitId) {
        return act(visitId, TransitionCommand.of(VisitAction.INITIATE));
    }

    @POST
    @Path("/answer")
    public Uni<VisitView> answer(@PathParam("visitId") UUID visitId) {
        return act(visitId, TransitionCommand.of(VisitAction.ANSWER));
    }

    @POST
    @Path("/end")
    public Uni<VisitView> end(@PathParam("visitId") UUID visitId) {
        return act(visitId, TransitionCommand.of(VisitAction.END));
    }

    @POST
    @Path("/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<VisitView> cancel(@PathParam("visitId") UUID visitId, @NotNull @Valid ReasonRequest reason) {
        return act(visitId, new TransitionCommand(VisitAction.CANCEL, reason.reasonCode(), null));
    }

    @POST
    @Path("/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<VisitView> decline(@PathParam("visitId") UUID visitId, @NotNull @Valid ReasonRequest reason) {
        return act(visitId, new TransitionCommand(VisitAction.DECLINE, reason.reasonCode(), null));
    }

    @POST
    @Path("/fail")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<VisitView> fail(@PathParam("visitId") UUID visitId, @NotNull @Valid ReasonRequest reason) {
        return act(visitId, new TransitionCommand(VisitAction.FAIL, reason.reasonCode(), reason.detail()));
    }

    @POST
    @Path("/participants/{participantId}/admit")
    public Uni<VisitView> admit(@PathParam("visitId") UUID visitId, @PathParam("participantId") UUID participantId) {
        return visits.admit(callers.caller(), visitId, participantId).map(VisitMapper::toView);
    }

    private Uni<VisitView> act(UUID visitId, TransitionCommand command) {
        return visits.transition(callers.caller(), visitId, command).map(VisitMapper::toView);
    }
}
