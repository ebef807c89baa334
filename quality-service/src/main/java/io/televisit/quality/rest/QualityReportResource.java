package io.televisit.quality.rest;

import io.smallrye.mutiny.Uni;
import io.televisit.problem.ProblemException;
import io.televisit.quality.service.QualityReportService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

@Path("/api/quality/v1/visits/{visitId}/report")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"clinician", "admin"})
public class QualityReportResource {

    private final QualityReportService reports;

    public QualityReportResource(QualityReportService reports) {
        this.reports = reports;
    }

    @GET
    public Uni<QualityReportView> get(@PathParam("visitId") UUID visitId) {
        return reports.find(visitId).map(found -> found.map(QualityReportView::of).orElseThrow(() ->
                ProblemException.notFound("QUALITY_REPORT_NOT_FOUND", "No quality report for visit " + visitId + ".")));
    }
}
