package io.televisit.events.visit;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.UUID;

/** A participant declined a ringing visit. Schema: {@code visit.declined.v1.json}. */
@RegisterForReflection
public record VisitDeclined(UUID visitId, UUID participantId, String reasonCode) {
}
