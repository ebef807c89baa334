package io.televisit.call.rest;

import io.smallrye.mutiny.Uni;
import io.televisit.call.model.Consent;
import io.televisit.call.model.ConsentMethod;
import io.televisit.call.model.ConsentPurpose;
import io.televisit.call.service.ConsentService;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/calls/v1/visits/{visitId}/consents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"clinician", "patient", "admin"})
public class ConsentResource {

    private final ConsentService consents;
    private final CallerFactory callers;

    public ConsentResource(ConsentService consents, CallerFactory callers) {
        this.consents = consents;
        this.callers = callers;
    }

    public record GiveConsentRequest(@NotNull UUID participantId, @NotNull ConsentPurpose purpose,
                                     @NotNull ConsentMethod method) {
    }

    public record ConsentView(UUID id, UUID participantId, ConsentPurpose purpose, ConsentMethod method, String givenBy,
                              String attestedBy, Instant givenAt, Instant withdrawnAt, boolean current) {
        static ConsentView of(Consent c) {
            return new ConsentView(c.id, c.participantId, c.purpose, c.method, c.givenBy, c.attestedBy, c.givenAt,
                    c.withdrawnAt, c.withdrawnAt == null);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> give(@PathParam("visitId") UUID visitId, @NotNull @Valid GiveConsentRequest request,
                              @Context HttpServerRequest http) {
        return consents.give(callers.caller(), visitId, request.participantId(), request.purpose(), request.method(),
                Clients.of(http)).map(c -> Response.status(201).entity(ConsentView.of(c)).build());
    }

    @POST
    @Path("/{consentId}/withdraw")
    public Uni<ConsentView> withdraw(@PathParam("visitId") UUID visitId, @PathParam("consentId") UUID consentId) {
        return consents.withdraw(callers.caller(), visitId, consentId).map(ConsentView::of);
    }

    @GET
    public Uni<List<ConsentView>> list(@PathParam("visitId") UUID visitId) {
        return consents.list(callers.caller(), visitId).map(list -> list.stream().map(ConsentView::of).toList());
    }

    /** Whether every participant currently consents to a purpose (recording needs RECORDING from all). */
    @GET
    @Path("/status")
    public Uni<ConsentService.ConsentStatus> status(@PathParam("visitId") UUID visitId,
                                                     @QueryParam("purpose") @NotNull ConsentPurpose purpose) {
        return consents.status(callers.caller(), visitId, purpose);
    }
}
