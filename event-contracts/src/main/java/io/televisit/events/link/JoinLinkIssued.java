package io.televisit.events.link;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/** A one-time join link was issued for a participant (the token itself never leaves call-service). Schema: {@code join-link.issued.v1.json}. */
@RegisterForReflection
public record JoinLinkIssued(UUID visitId, UUID linkId, UUID participantId, Instant expiresAt) {
}
