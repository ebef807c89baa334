package io.televisit.signaling.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Server → client envelope (protocol v1), before numbering: on the wire each frame also carries {@code seq}
 * (see {@link Frames#numbered}), the per-session number a resuming client reports as the last it received;
 * {@code from} names the sender of relayed messages.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServerMessage(String type, String requestId, String from, Object payload) {
}
