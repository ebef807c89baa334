package io.televisit.signaling.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Client → server envelope (protocol v1). {@code requestId} is echoed in replies and errors; {@code to} addresses a
 * participant of the same visit for offer, answer and ice-candidate.
 */
@RegisterForReflection
public record ClientMessage(String type, String requestId, String to, JsonNode payload) {
}
