package io.televisit.call.rest;

import io.smallrye.mutiny.Uni;
import io.televisit.call.service.JoinLinkService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One-time patient join links of a visit, issued and revoked by its clinician (redeemed in JoinLinkRedemptionResource). */
@Path("/api/calls/v1/visits/{visitId}/join-links")
@Produces(MediaType.APPLICATION_JSON)
public class JoinLinkResource {

    private final JoinLinkService links;
    private final CallerFactory callers;

    public JoinLinkResource(JoinLinkService links, CallerFactory callers) {
        this.links = links;
        this.callers = callers;
    }

    public record IssueLinkRequest(@NotNull UUID participantId, @Min(5) @Max(10_080) Integer ttlMinutes) {
    }

    /** The token appears in this response only; store or send it at once. */
    public record IssuedLinkView(UUID linkId, UUID participantId, String token, String url, Instant expiresAt) {
    }

    @POST
    @RolesAllowed("clinician")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> issue(@PathParam("visitId") UUID visitId, @NotNull @Valid IssueLinkRequest request) {
        Duration ttl = request.ttlMinutes() == null ? null : Duration.ofMinutes(request.ttlMinutes());
        return links.issue(callers.caller(), visitId, request.participantId(), ttl).map(issued -> Response.status(201)
                .header("Cache-Control", "no-store")
                .entity(new IssuedLinkView(issued.link().id, request.participantId(), issued.token(), issued.url(),
                        issued.link().expiresAt)).build());
    }

    @POST
    @Path("/{linkId}/revoke")
    @RolesAllowed("clinician")
    public Uni<Response> revoke(@PathParam("visitId") UUID visitId, @PathParam("linkId") UUID linkId) {
        return links.revoke(callers.caller(), visitId, linkId).map(x -> Response.noContent().build());
    }
}
