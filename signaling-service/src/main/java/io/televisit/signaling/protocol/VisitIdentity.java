package io.televisit.signaling.protocol;

import java.time.Instant;

/** Who a connection is: verified from its visit access token at the upgrade, before any session exists. */
public record VisitIdentity(VisitId visit, ParticipantId participant, String role, Instant tokenExpiresAt) {
}
