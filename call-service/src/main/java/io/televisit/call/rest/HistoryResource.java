package io.televisit.call.rest;

import io.smallrye.mutiny.Uni;
import io.televisit.call.mapping.VisitMapper;
import io.televisit.call.model.VisitStatus;
import io.televisit.call.service.HistoryQuery;
import io.televisit.call.service.HistoryService;
import io.televisit.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

@Path("/api/calls/v1/visits")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"clinician", "patient", "admin"})
public class HistoryResource {

    private final HistoryService history;
    private final CallerFactory callers;

    public HistoryResource(HistoryService history, CallerFactory callers) {
        this.history = history;
        this.callers = callers;
    }

    public record VisitPage(List<VisitView> items, String nextCursor) {
    }

    /** The caller's visits (all visits for admins), newest scheduled first; follow nextCursor for more. */
    @GET
    public Uni<VisitPage> list(@QueryParam("patient") @Size(max = 128) String patient,
                               @QueryParam("clinician") @Size(max = 128) String clinician,
                               @QueryParam("status") @Size(max = 8) List<String> statuses,
                               @QueryParam("from") Instant from, @QueryParam("to") Instant to,
                               @QueryParam("cursor") @Size(max = 200) String cursor,
                               @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        HistoryQuery query = new HistoryQuery(patient, clinician, parse(statuses), from, to, cursor, limit);
        return history.list(callers.caller(), query).map(page -> new VisitPage(
                page.items().stream().map(VisitMapper::toView).toList(), page.nextCursor()));
    }

    /** Parsed here, not by JAX-RS, which answers an unknown query enum with 404 instead of a clear 400. */
    private static Set<VisitStatus> parse(List<String> statuses) {
        if (statuses == null || statuses.isEmpty()) {
            return null;
        }
        Set<VisitStatus> parsed = EnumSet.noneOf(VisitStatus.class);
        for (String status : statuses) {
            try {
                parsed.add(VisitStatus.valueOf(status));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("INVALID_VALUE", "status must be one of "
                        + Arrays.toString(VisitStatus.values()) + ".");
            }
        }
        return parsed;
    }

    @GET
    @Path("/statistics")
    @RolesAllowed({"clinician", "admin"})
    public Uni<HistoryService.Statistics> statistics(@QueryParam("from") @NotNull Instant from,
                                                     @QueryParam("to") @NotNull Instant to) {
        return history.statistics(callers.caller(), from, to);
    }
}
