package io.televisit.quality.rest;

import io.smallrye.mutiny.Uni;
import io.televisit.problem.ProblemException;
import io.televisit.quality.service.QualityStatistics;
import io.televisit.quality.service.StatisticsService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Quality statistics over a period (by visit end), at most 366 days; the last 30 days by default. */
@Path("/api/quality/v1/statistics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"clinician", "admin"})
public class StatisticsResource {

    private static final Duration MAX_PERIOD = Duration.ofDays(366);

    private final StatisticsService statistics;

    public StatisticsResource(StatisticsService statistics) {
        this.statistics = statistics;
    }

    @GET
    public Uni<QualityStatistics> get(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant end = to == null ? Instant.now() : instant("to", to);
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : instant("from", from);
        if (!start.isBefore(end)) {
            throw ProblemException.badRequest("INVALID_PERIOD", "from must be before to.");
        }
        if (Duration.between(start, end).compareTo(MAX_PERIOD) > 0) {
            throw ProblemException.badRequest("INVALID_PERIOD", "The period may span at most 366 days.");
        }
        return statistics.over(start, end);
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("INVALID_VALUE", name + " must be an ISO-8601 instant, e.g. "
                    + "2026-12-01T00:00:00Z.");
        }
    }
}
