package io.televisit.call.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.televisit.call.audit.AuditAction;
import io.televisit.call.audit.AuditLog;
import io.televisit.call.events.LinkAndConsentEvents;
import io.televisit.call.model.Consent;
import io.televisit.call.model.ConsentMethod;
import io.televisit.call.model.ConsentPurpose;
import io.televisit.call.model.Participant;
import io.televisit.call.repository.ConsentRepository;
import io.televisit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Consent per participant and purpose. Giving it twice keeps the first (current) consent; withdrawing keeps the row
 * with its withdrawal time. Every change is audited and published (recording-service keeps its view from the events).
 */
@ApplicationScoped
public class ConsentService {

    private final ConsentRepository consents;
    private final VisitAccess access;
    private final LinkAndConsentEvents events;
    private final AuditLog audit;

    public ConsentService(ConsentRepository consents, VisitAccess access, LinkAndConsentEvents events, AuditLog audit) {
        this.consents = consents;
        this.access = access;
        this.events = events;
        this.audit = audit;
    }

    /** A participant with an account consents in the app, or a clinician attests a verbal consent. */
    @WithTransaction
    public Uni<Consent> give(Caller caller, UUID visitId, UUID participantId, ConsentPurpose purpose,
                             ConsentMethod method, ClientInfo client) {
        return access.load(caller, visitId, true).chain(context -> {
            Participant participant = context.participant(participantId).orElseThrow(() ->
                    ProblemException.notFound("PARTICIPANT_NOT_FOUND", "No participant " + participantId + "."));
            switch (method) {
                case IN_APP -> VisitAccess.require(caller.subject().equals(participant.subject), "consent for another");
                case VERBAL_ATTESTED -> VisitAccess.require(context.isClinicianOf(caller), "attest consent");
                case LINK -> throw ProblemException.badRequest("CONSENT_METHOD_NOT_ALLOWED",
                        "LINK consent is given when the join link is redeemed.");
            }
            String attestedBy = method == ConsentMethod.VERBAL_ATTESTED ? caller.subject() : null;
            String givenBy = participant.subject != null ? participant.subject : "participant:" + participant.id;
            return record(participant, purpose, method, givenBy, attestedBy, client);
        });
    }

    /** Records a consent inside the caller's transaction (also used by link redemption). */
    public Uni<Consent> record(Participant participant, ConsentPurpose purpose, ConsentMethod method, String givenBy,
                               String attestedBy, ClientInfo client) {
        return consents.current(participant.id, purpose).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(existing);
            }
            Consent consent = new Consent();
            consent.id = UUID.randomUUID();
            consent.visitId = participant.visitId;
            consent.participantId = participant.id;
            consent.purpose = purpose;
            consent.method = method;
            consent.givenBy = givenBy;
            consent.attestedBy = attestedBy;
            consent.givenAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            consent.clientAddress = client.address();
            consent.userAgent = client.userAgent();
            Map<String, String> details = client.addTo(Map.of("consentId", consent.id.toString(),
                    "participantId", participant.id.toString(), "purpose", purpose.name(), "method", method.name()));
            return consents.persist(consent)
                    .call(events::consentRecorded)
                    .call(() -> audit.append(givenBy, AuditAction.CONSENT_GIVEN, participant.visitId, details));
        });
    }

    @WithTransaction
    public Uni<Consent> withdraw(Caller caller, UUID visitId, UUID consentId) {
        return access.load(caller, visitId, true).chain(context -> consents.findById(consentId).chain(consent -> {
            if (consent == null || !consent.visitId.equals(visitId)) {
                throw ProblemException.notFound("CONSENT_NOT_FOUND", "No consent " + consentId + " in this visit.");
            }
            Participant participant = context.participant(consent.participantId).orElseThrow();
            VisitAccess.require(caller.subject().equals(participant.subject) || context.isClinicianOf(caller),
                    "withdraw another's consent");
            if (consent.withdrawnAt != null) {
                return Uni.createFrom().item(consent);
            }
            consent.withdrawnAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            consent.withdrawnBy = caller.subject();
            return events.consentWithdrawn(consent).call(() -> audit.append(caller.subject(),
                    AuditAction.CONSENT_WITHDRAWN, visitId, Map.of("consentId", consentId.toString(),
                            "purpose", consent.purpose.name()))).replaceWith(consent);
        }));
    }

    @WithTransaction
    public Uni<List<Consent>> list(Caller caller, UUID visitId) {
        return access.load(caller, visitId, false).chain(context -> consents.listByVisit(visitId));
    }

    /** Whether every participant currently consents to {@code purpose}; recording must not start otherwise. */
    @WithTransaction
    public Uni<ConsentStatus> status(Caller caller, UUID visitId, ConsentPurpose purpose) {
        return access.load(caller, visitId, false).chain(context -> consents.listByVisit(visitId).map(all -> {
            List<UUID> missing = context.participants().stream()
                    .filter(p -> all.stream().noneMatch(c -> c.participantId.equals(p.id) && c.purpose == purpose
                            && c.withdrawnAt == null))
                    .map(p -> p.id).toList();
            return new ConsentStatus(purpose, missing.isEmpty(), missing);
        }));
    }

    public record ConsentStatus(ConsentPurpose purpose, boolean allConsented, List<UUID> missingParticipantIds) {
    }
}
