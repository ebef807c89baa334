package io.televisit.signaling.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Server → client envelope (protocol v1). {@code seq} numbers a connection's messages so a resuming client can ask for
 * what it missed; {@code from} names the sender of relayed messages.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServerMessage(String type, String requestId, long seq, String from, Object payload) {
}
