package io.televisit.events.link;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/** A one-time join link was used. Schema: {@code join-link.redeemed.v1.json}. */
@RegisterForReflection
public record JoinLinkRedeemed(UUID visitId, UUID linkId, UUID participantId, Instant redeemedAt) {
}
