package io.televisit.call.rest;

import io.smallrye.mutiny.Uni;
import io.televisit.call.model.ConsentPurpose;
import io.televisit.call.service.JoinLinkService;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Redeems a one-time join link. Unauthenticated: the link is the credential. The consents the patient gave on the
 * link page are recorded with it; the answer carries a short-lived visit access token for signaling-service.
 */
@Path("/api/calls/v1/join-links")
@Produces(MediaType.APPLICATION_JSON)
public class JoinLinkRedemptionResource {

    private final JoinLinkService links;

    public JoinLinkRedemptionResource(JoinLinkService links) {
        this.links = links;
    }

    public record RedeemRequest(@NotNull @Pattern(regexp = "^[A-Za-z0-9_-]{43}$", message = "a join-link token") String token,
                                @Size(max = 2) Set<@NotNull ConsentPurpose> consents) {
    }

    public record RedeemedView(String accessToken, Instant expiresAt, UUID visitId, UUID participantId, String role,
                               String visitType, String visitStatus, Instant scheduledAt) {
    }

    @POST
    @Path("/redeem")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> redeem(@NotNull @Valid RedeemRequest request, @Context HttpServerRequest http) {
        Set<ConsentPurpose> consents = request.consents() == null || request.consents().isEmpty()
                ? EnumSet.noneOf(ConsentPurpose.class) : EnumSet.copyOf(request.consents());
        return links.redeem(request.token(), consents, Clients.of(http)).map(r -> Response.ok(
                new RedeemedView(r.token().token(), r.token().expiresAt(), r.context().visit().id, r.participant().id,
                        r.participant().role.name(), r.context().visit().type.name(),
                        r.context().visit().status.name(), r.context().visit().scheduledAt))
                .header("Cache-Control", "no-store").build());
    }
}
