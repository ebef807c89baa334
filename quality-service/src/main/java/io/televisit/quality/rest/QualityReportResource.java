package io.televisit.quality.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.televisit.problem.ProblemException;
import io.televisit.quality.mapping.FhirObservationMapper;
import io.televisit.quality.report.VisitQualityReport;
import io.televisit.quality.service.QualityReportService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

/** A visit's quality report, as JSON and as a FHIR R4 Observation. */
@Path("/api/quality/v1/visits/{visitId}/report")
@RolesAllowed({"clinician", "admin"})
public class QualityReportResource {

    static final String FHIR_JSON = "application/fhir+json";

    private final QualityReportService reports;
    private final FhirObservationMapper fhir;

    public QualityReportResource(QualityReportService reports, FhirObservationMapper fhir) {
        this.reports = reports;
        this.fhir = fhir;
    }

    /** FINAL once the visit ended; LIVE (computed now) while it runs. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<VisitQualityReport> get(@PathParam("visitId") UUID visitId) {
        return reports.find(visitId).map(found -> found.orElseThrow(() -> notFound(visitId)));
    }

    @GET
    @Path("/fhir")
    @Produces(FHIR_JSON)
    public Uni<ObjectNode> observation(@PathParam("visitId") UUID visitId) {
        return get(visitId).map(fhir::toObservation);
    }

    private static ProblemException notFound(UUID visitId) {
        return ProblemException.notFound("QUALITY_REPORT_NOT_FOUND", "No quality samples or report for visit "
                + visitId + ".");
    }
}
