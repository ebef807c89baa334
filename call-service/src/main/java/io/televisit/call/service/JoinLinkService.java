package io.televisit.call.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.televisit.call.audit.AuditAction;
import io.televisit.call.audit.AuditLog;
import io.televisit.call.config.CallSettings;
import io.televisit.call.events.LinkAndConsentEvents;
import io.televisit.call.model.ConsentMethod;
import io.televisit.call.model.ConsentPurpose;
import io.televisit.call.model.JoinLink;
import io.televisit.call.model.Participant;
import io.televisit.call.model.VisitLifecycle;
import io.televisit.call.repository.JoinLinkRepository;
import io.televisit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One-time join links: 256 random bits, stored only as SHA-256, single use, expiring, revocable. Redeeming one returns
 * a visit access token. Every issue, redemption, refusal and revocation is audited; a refusal commits its audit entry
 * on its own, since the request itself fails.
 */
@ApplicationScoped
public class JoinLinkService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JoinLinkRepository links;
    private final VisitAccess access;
    private final ConsentService consents;
    private final VisitTokenIssuer tokens;
    private final LinkAndConsentEvents events;
    private final AuditLog audit;
    private final CallSettings.JoinLinks settings;

    public JoinLinkService(JoinLinkRepository links, VisitAccess access, ConsentService consents,
                           VisitTokenIssuer tokens, LinkAndConsentEvents events, AuditLog audit, CallSettings settings) {
        this.links = links;
        this.access = access;
        this.consents = consents;
        this.tokens = tokens;
        this.events = events;
        this.audit = audit;
        this.settings = settings.joinLinks();
    }

    public record IssuedLink(JoinLink link, String token, String url) {
    }

    public record Redemption(VisitContext context, Participant participant, VisitTokenIssuer.VisitAccessToken token) {
    }

    /** Issues a link for a participant; earlier unused links of that participant are revoked. */
    @WithTransaction
    public Uni<IssuedLink> issue(Caller caller, UUID visitId, UUID participantId, Duration ttl) {
        Duration lifetime = ttl == null ? settings.defaultTtl() : ttl;
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(settings.maxTtl()) > 0) {
            throw ProblemException.badRequest("LINK_TTL_OUT_OF_RANGE",
                    "A link may live at most " + settings.maxTtl().toHours() + " hours.");
        }
        return access.load(caller, visitId, true).chain(context -> {
            VisitAccess.require(context.isClinicianOf(caller), "issue join links");
            if (VisitLifecycle.isTerminal(context.visit().status)) {
                throw VisitService.illegal(context.visit(), "issue join links");
            }
            Participant participant = context.participant(participantId).orElseThrow(() ->
                    ProblemException.notFound("PARTICIPANT_NOT_FOUND", "No participant " + participantId + "."));
            String token = newToken();
            JoinLink link = new JoinLink();
            link.id = UUID.randomUUID();
            link.visitId = visitId;
            link.participantId = participant.id;
            link.tokenHash = Sha256.hex(token);
            link.createdBy = caller.subject();
            link.createdAt = now();
            link.expiresAt = link.createdAt.plus(lifetime);
            return links.revokeUnused(participant.id, link.createdAt)
                    .chain(() -> links.persist(link))
                    .call(events::linkIssued)
                    .call(() -> audit.append(caller.subject(), AuditAction.LINK_ISSUED, visitId,
                            Map.of("linkId", link.id.toString(), "participantId", participant.id.toString(),
                                    "expiresAt", link.expiresAt.toString())))
                    .map(saved -> new IssuedLink(saved, token, settings.baseUrl() + "#" + token));
        });
    }

    /** Redeems a link (unauthenticated: the link is the credential), recording the consents given on the link page. */
    public Uni<Redemption> redeem(String token, Set<ConsentPurpose> consented, ClientInfo client) {
        String tokenHash = Sha256.hex(token);
        return Panache.withTransaction(() -> links.findByTokenHash(tokenHash).chain(link -> {
            if (link == null) {
                return Uni.createFrom().item(Outcome.refused(null, "LINK_NOT_FOUND"));
            }
            return access.load(Caller.SYSTEM, link.visitId, true).chain(context -> {
                if (VisitLifecycle.isTerminal(context.visit().status)) {
                    return Uni.createFrom().item(Outcome.refused(link, "VISIT_CLOSED"));
                }
                Instant now = now();
                return links.claim(tokenHash, now).chain(claimed -> {
                    if (claimed == 0) {
                        return Uni.createFrom().item(Outcome.refused(link, whyUnusable(link, now)));
                    }
                    link.usedAt = now;
                    Participant participant = context.participant(link.participantId).orElseThrow();
                    return recordConsents(participant, link, consented, client)
                            .call(() -> events.linkRedeemed(link))
                            .call(() -> audit.append("link:" + link.id, AuditAction.LINK_REDEEMED, link.visitId,
                                    client.addTo(Map.of("linkId", link.id.toString(),
                                            "participantId", link.participantId.toString()))))
                            .map(x -> Outcome.redeemed(new Redemption(context, participant,
                                    tokens.issue(link.visitId, participant))));
                });
            });
        })).chain(outcome -> outcome.redemption() != null
                ? Uni.createFrom().item(outcome.redemption())
                : auditRefusal(outcome, client).chain(() -> Uni.createFrom().failure(refusal(outcome.code()))));
    }

    @WithTransaction
    public Uni<Void> revoke(Caller caller, UUID visitId, UUID linkId) {
        return access.load(caller, visitId, true).chain(context -> {
            VisitAccess.require(context.isClinicianOf(caller), "revoke join links");
            return links.findById(linkId).chain(link -> {
                if (link == null || !link.visitId.equals(visitId)) {
                    throw ProblemException.notFound("LINK_NOT_FOUND", "No link " + linkId + " in this visit.");
                }
                if (link.revokedAt == null && link.usedAt == null) {
                    link.revokedAt = now();
                }
                return audit.append(caller.subject(), AuditAction.LINK_REVOKED, visitId,
                        Map.of("linkId", linkId.toString()));
            });
        });
    }

    private Uni<Void> recordConsents(Participant participant, JoinLink link, Set<ConsentPurpose> purposes,
                                     ClientInfo client) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ConsentPurpose purpose : purposes) {
            chain = chain.call(() -> consents.record(participant, purpose, ConsentMethod.LINK, "link:" + link.id, null,
                    client));
        }
        return chain;
    }

    private Uni<Void> auditRefusal(Outcome outcome, ClientInfo client) {
        JoinLink link = outcome.link();
        Map<String, String> details = link == null ? Map.of("reason", outcome.code())
                : Map.of("reason", outcome.code(), "linkId", link.id.toString());
        return Panache.withTransaction(() -> audit.append(link == null ? "anonymous" : "link:" + link.id,
                AuditAction.LINK_REFUSED, link == null ? null : link.visitId, client.addTo(details)));
    }

    private static String whyUnusable(JoinLink link, Instant now) {
        if (link.revokedAt != null) {
            return "LINK_REVOKED";
        }
        if (link.usedAt != null) {
            return "LINK_USED";
        }
        return link.expiresAt.isAfter(now) ? "LINK_USED" : "LINK_EXPIRED";
    }

    private static ProblemException refusal(String code) {
        return switch (code) {
            case "LINK_NOT_FOUND" -> ProblemException.notFound(code, "This link is not valid.");
            case "VISIT_CLOSED" -> ProblemException.conflict(code, "This visit is over; ask your clinic for a new one.");
            case "LINK_EXPIRED" -> new ProblemException(410, code, "Gone", "This link has expired; ask your clinic for a new one.");
            case "LINK_REVOKED" -> new ProblemException(410, code, "Gone", "This link was withdrawn by the clinic.");
            default -> new ProblemException(410, code, "Gone", "This link was already used; ask your clinic for a new one.");
        };
    }

    private record Outcome(Redemption redemption, JoinLink link, String code) {
        static Outcome redeemed(Redemption redemption) {
            return new Outcome(redemption, null, null);
        }

        static Outcome refused(JoinLink link, String code) {
            return new Outcome(null, link, code);
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
