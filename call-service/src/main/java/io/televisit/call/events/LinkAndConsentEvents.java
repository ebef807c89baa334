package io.televisit.call.events;

import io.smallrye.mutiny.Uni;
import io.televisit.call.model.Consent;
import io.televisit.call.model.JoinLink;
import io.televisit.events.EventType;
import io.televisit.events.consent.ConsentRecorded;
import io.televisit.events.consent.ConsentWithdrawn;
import io.televisit.events.link.JoinLinkIssued;
import io.televisit.events.link.JoinLinkRedeemed;
import io.televisit.events.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

/** Join-link and consent events; recording-service keeps its consent view from these. */
@ApplicationScoped
public class LinkAndConsentEvents {

    private final Outbox outbox;

    public LinkAndConsentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> linkIssued(JoinLink link) {
        return outbox.append(EventType.JOIN_LINK_ISSUED, link.visitId,
                new JoinLinkIssued(link.visitId, link.id, link.participantId, link.expiresAt)).replaceWithVoid();
    }

    public Uni<Void> linkRedeemed(JoinLink link) {
        return outbox.append(EventType.JOIN_LINK_REDEEMED, link.visitId,
                new JoinLinkRedeemed(link.visitId, link.id, link.participantId, link.usedAt)).replaceWithVoid();
    }

    public Uni<Void> consentRecorded(Consent consent) {
        return outbox.append(EventType.CONSENT_RECORDED, consent.visitId, new ConsentRecorded(consent.visitId,
                consent.id, consent.participantId, consent.purpose.name(), consent.method.name(), consent.givenAt))
                .replaceWithVoid();
    }

    public Uni<Void> consentWithdrawn(Consent consent) {
        return outbox.append(EventType.CONSENT_WITHDRAWN, consent.visitId, new ConsentWithdrawn(consent.visitId,
                consent.id, consent.participantId, consent.purpose.name(), consent.withdrawnAt)).replaceWithVoid();
    }
}
