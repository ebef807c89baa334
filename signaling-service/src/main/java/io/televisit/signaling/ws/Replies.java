package io.televisit.signaling.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.televisit.signaling.protocol.ErrorCode;
import io.televisit.signaling.protocol.Frames;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Frames that answer one request on one connection ({@code error}, {@code pong}): not numbered and not kept for a
 * resume, since they mean nothing to another connection.
 */
@Singleton
public class Replies {

    private final ObjectMapper mapper;

    public Replies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Uni<Void> error(WebSocketConnection connection, String requestId, ErrorCode code, String message) {
        return ephemeral(connection, "error", requestId, Map.of("code", code.name(), "message", message));
    }

    public Uni<Void> ephemeral(WebSocketConnection connection, String type, String requestId, Object payload) {
        return connection.sendText(Frames.build(mapper, type, requestId, null, payload))
                .onFailure().recoverWithNull();
    }
}
