package io.televisit.quality.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.televisit.quality.mapping.FhirObservationMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** The code system of the quality Observation, for EHR integrators and validators. */
@Path("/api/quality/v1/fhir/CodeSystem/quality")
@RolesAllowed({"clinician", "admin"})
public class FhirCodeSystemResource {

    private final FhirObservationMapper fhir;

    public FhirCodeSystemResource(FhirObservationMapper fhir) {
        this.fhir = fhir;
    }

    @GET
    @Produces(QualityReportResource.FHIR_JSON)
    public ObjectNode get() {
        return fhir.codeSystem();
    }
}
