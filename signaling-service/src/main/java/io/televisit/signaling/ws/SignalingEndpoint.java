package io.televisit.signaling.ws;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.context.CleanAutoCloseable;
import io.smallrye.mutiny.Uni;
import io.televisit.signaling.config.SignalingSettings;
import io.televisit.signaling.protocol.ClientMessage;
import io.televisit.signaling.protocol.CloseCodes;
import io.televisit.signaling.protocol.ErrorCode;
import io.televisit.signaling.protocol.SessionId;
import io.televisit.signaling.service.SessionService;
import io.televisit.signaling.session.LocalSession;
import io.televisit.signaling.session.NoThreadContexts;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * The signaling WebSocket (protocol v1, docs/signaling-protocol.md). Identity comes from the token checked at the
 * upgrade; this class owns the connection's life (join or resume, drop, errors and limits) and hands the messages of a
 * joined participant to {@link SessionMessages}. SDP and candidates are never logged.
 */
@WebSocket(path = "/ws")
public class SignalingEndpoint {

    private static final Logger LOG = Logger.getLogger(SignalingEndpoint.class);

    private final SessionService sessions;
    private final SessionMessages messages;
    private final Replies replies;
    private final SignalingSettings.Limits limits;

    public SignalingEndpoint(SessionService sessions, SessionMessages messages, Replies replies,
                             SignalingSettings settings) {
        this.sessions = sessions;
        this.messages = messages;
        this.replies = replies;
        this.limits = settings.limits();
    }

    @OnTextMessage
    Uni<Void> message(WebSocketConnection connection, String text) {
        try (CleanAutoCloseable none = NoThreadContexts.scope()) {
            return handle(connection, text);
        }
    }

    private Uni<Void> handle(WebSocketConnection connection, String text) {
        ConnectionState state = connection.userData().get(ConnectionState.KEY);
        RateLimiter rate = state.rate;
        if (!rate.tryAcquire()) {
            if (rate.refusals() > limits.refusalsBeforeClose()) {
                return connection.close(new CloseReason(CloseCodes.POLICY_VIOLATION, "message rate exceeded"));
            }
            return rate.refusals() == 1 || rate.refusals() % 10 == 0
                    ? replies.error(connection, null, ErrorCode.RATE_LIMITED, "Slow down: at most "
                    + limits.messagesPerSecond() + " messages per second.")
                    : Uni.createFrom().voidItem();
        }
        ClientMessage message;
        try {
            message = ClientMessage.parse(text);
        } catch (ClientMessage.MalformedFrame e) {
            return replies.error(connection, null, ErrorCode.MALFORMED_MESSAGE, "The frame is not a v1 JSON envelope.");
        }
        if (message.type() == null) {
            return replies.error(connection, message.requestId(), ErrorCode.MALFORMED_MESSAGE,
                    "The envelope has no type.");
        }
        LocalSession session = state.session();
        if (session != null) {
            session.heard();
        }
        return switch (message.type()) {
            case "ping" -> ping(connection, session, message);
            case "join" -> join(connection, state, message);
            case "resume" -> resume(connection, state, message);
            default -> session == null
                    ? replies.error(connection, message.requestId(), ErrorCode.NOT_JOINED, "Send join first.")
                    : messages.handle(connection, session, message);
        };
    }

    /** A dropped connection leaves its session in grace; {@code leave} and ended visits release it before. */
    @OnClose
    Uni<Void> closed(WebSocketConnection connection) {
        ConnectionState state = connection.userData().get(ConnectionState.KEY);
        LocalSession session = state == null ? null : state.session();
        if (session == null || session.isReleased()) {
            return Uni.createFrom().voidItem();
        }
        LOG.debugf("connection of session %s closed (%s)", session.id(), connection.closeReason());
        return sessions.dropped(connection, session, "CONNECTION_LOST");
    }

    /**
     * A frame above {@code quarkus.websockets-next.server.max-message-size} closes the connection with 1009 (message
     * too big); anything else unexpected with 1011 and an error id in the log, never the failure to the client.
     */
    @OnError
    Uni<Void> failed(WebSocketConnection connection, Throwable failure) {
        if (String.valueOf(failure.getMessage()).contains("max message size")) {
            return connection.close(new CloseReason(CloseCodes.MESSAGE_TOO_BIG, "message too big"));
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(failure, "signaling connection failed, error id %s", errorId);
        return connection.close(new CloseReason(CloseCodes.INTERNAL_ERROR, "internal error " + errorId));
    }

    private Uni<Void> ping(WebSocketConnection connection, LocalSession session, ClientMessage message) {
        JsonNode lastSeq = message.payload() == null ? null : message.payload().get("lastSeq");
        if (session != null && lastSeq != null && lastSeq.canConvertToLong()) {
            session.acknowledge(lastSeq.asLong());
        }
        return replies.ephemeral(connection, "pong", message.requestId(), null);
    }

    private Uni<Void> join(WebSocketConnection connection, ConnectionState state, ClientMessage message) {
        if (state.session() != null) {
            return replies.error(connection, message.requestId(), ErrorCode.ALREADY_JOINED,
                    "This connection has joined already.");
        }
        if (state.resumable != null) {
            return replies.error(connection, message.requestId(), ErrorCode.RESUME_REQUIRED,
                    "This connection came with a resume token: send resume.");
        }
        return sessions.join(connection, state.identity, message.requestId(), regionHint(message))
                .invoke(attached -> state.attached(attached.session()))
                .replaceWithVoid();
    }

    private static String regionHint(ClientMessage message) {
        JsonNode hint = message.payload() == null ? null : message.payload().get("regionHint");
        return hint != null && hint.isTextual() ? hint.asText() : null;
    }

    private Uni<Void> resume(WebSocketConnection connection, ConnectionState state, ClientMessage message) {
        SessionId resumable = state.resumable;
        if (state.session() != null || resumable == null) {
            return replies.error(connection, message.requestId(), ErrorCode.NOT_RESUMABLE,
                    "Resume needs a new connection opened with the resume token.");
        }
        JsonNode lastSeq = message.payload() == null ? null : message.payload().get("lastSeq");
        if (lastSeq == null || !lastSeq.canConvertToLong() || lastSeq.asLong() < 0) {
            return replies.error(connection, message.requestId(), ErrorCode.INVALID_PAYLOAD,
                    "resume needs payload.lastSeq, the seq of the last frame received (0 if none).");
        }
        return sessions.resume(connection, resumable, state.identity, message.requestId(), lastSeq.asLong(),
                regionHint(message)).chain(attached -> {
            if (attached == null) {
                return replies.error(connection, message.requestId(), ErrorCode.SESSION_ENDED,
                                "The session has ended; join again with a new access token.")
                        .chain(() -> connection.close(new CloseReason(CloseCodes.SESSION_ENDED, "session ended")));
            }
            state.attached(attached.session());
            return Uni.createFrom().voidItem();
        });
    }
}
