package io.televisit.call.rest;

import io.smallrye.mutiny.Uni;
import io.televisit.call.service.VisitService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.UUID;

/** Participants with an account get a visit access token for signaling-service here (link-only patients redeem). */
@Path("/api/calls/v1/visits/{visitId}/access-token")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"clinician", "patient"})
public class AccessTokenResource {

    private final VisitService visits;
    private final CallerFactory callers;

    public AccessTokenResource(VisitService visits, CallerFactory callers) {
        this.visits = visits;
        this.callers = callers;
    }

    public record AccessTokenView(String accessToken, Instant expiresAt) {
    }

    @POST
    public Uni<Response> issue(@PathParam("visitId") UUID visitId) {
        return visits.accessToken(callers.caller(), visitId).map(token -> Response
                .ok(new AccessTokenView(token.token(), token.expiresAt())).header("Cache-Control", "no-store").build());
    }
}
