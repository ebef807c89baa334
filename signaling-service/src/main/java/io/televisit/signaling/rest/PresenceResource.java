package io.televisit.signaling.rest;

import io.smallrye.mutiny.Uni;
import io.televisit.signaling.service.PresenceService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.UUID;

/** Operators' view of a visit's signaling sessions. */
@Path("/api/signaling/v1/visits/{visitId}/sessions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class PresenceResource {

    private final PresenceService presence;

    public PresenceResource(PresenceService presence) {
        this.presence = presence;
    }

    @GET
    public Uni<List<SessionView>> list(@PathParam("visitId") UUID visitId) {
        return presence.sessionsOf(visitId).map(list -> list.stream().map(SessionView::of).toList());
    }
}
