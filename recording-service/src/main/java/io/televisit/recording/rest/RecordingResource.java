package io.televisit.recording.rest;

import io.smallrye.mutiny.Uni;
import io.televisit.recording.service.RecordingService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.UUID;

@Path("/api/recordings/v1/visits/{visitId}/recordings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class RecordingResource {

    private final RecordingService recordings;

    public RecordingResource(RecordingService recordings) {
        this.recordings = recordings;
    }

    @GET
    public Uni<List<RecordingView>> list(@PathParam("visitId") UUID visitId) {
        return recordings.listForVisit(visitId).map(list -> list.stream().map(RecordingView::of).toList());
    }
}
