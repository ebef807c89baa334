package io.televisit.call.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.televisit.call.audit.AuditAction;
import io.televisit.call.audit.AuditLog;
import io.televisit.call.audit.AuditVerifier;
import io.televisit.call.audit.ChainVerification;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** For auditors: checks the whole hash chain and reports the first entry that does not verify. */
@Path("/api/calls/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class AuditResource {

    private final AuditVerifier verifier;
    private final AuditLog audit;
    private final CallerFactory callers;

    public AuditResource(AuditVerifier verifier, AuditLog audit, CallerFactory callers) {
        this.verifier = verifier;
        this.audit = audit;
        this.callers = callers;
    }

    @GET
    @Path("/verification")
    public Uni<ChainVerification> verify() {
        String auditor = callers.caller().subject();
        return verifier.verify().call(result -> Panache.withTransaction(() -> audit.append(auditor,
                AuditAction.AUDIT_VERIFIED, null, Map.of("valid", String.valueOf(result.valid()),
                        "checkedEntries", String.valueOf(result.checkedEntries())))));
    }
}
