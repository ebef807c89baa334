package io.televisit.signaling.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.televisit.signaling.config.SignalingSettings;
import io.televisit.signaling.events.PresenceEvents;
import io.televisit.signaling.protocol.ClientMessage;
import io.televisit.signaling.protocol.ErrorCode;
import io.televisit.signaling.protocol.ParticipantId;
import io.televisit.signaling.protocol.ServerMessage;
import io.televisit.signaling.protocol.VisitIdentity;
import io.televisit.signaling.service.ConnectedParticipants;
import io.televisit.signaling.service.IceConfiguration;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The signaling WebSocket (protocol v1, docs/signaling-protocol.md). Identity comes from the visit access token checked
 * at the upgrade; messages are relayed only to a named participant of the sender's own visit. SDP and candidates are
 * never logged.
 */
@WebSocket(path = "/ws")
public class SignalingEndpoint {

    private static final Logger LOG = Logger.getLogger(SignalingEndpoint.class);
    private static final UserData.TypedKey<AtomicLong> SEQ = new UserData.TypedKey<>("televisit.seq");
    private static final UserData.TypedKey<RateLimiter> RATE = new UserData.TypedKey<>("televisit.rate");
    private static final UserData.TypedKey<UUID> SESSION = new UserData.TypedKey<>("televisit.session");
    /** Names this instance in session rows, for routing and diagnosis across replicas. */
    private static final String INSTANCE = UUID.randomUUID().toString();
    private static final Set<String> RELAYED = Set.of("offer", "answer", "ice-candidate", "end-of-candidates");

    private final ConnectedParticipants participants;
    private final IceConfiguration ice;
    private final ObjectMapper mapper;
    private final SignalingSettings.Limits limits;
    private final PresenceEvents presence;

    public SignalingEndpoint(ConnectedParticipants participants, IceConfiguration ice, ObjectMapper mapper,
                             SignalingSettings settings, PresenceEvents presence) {
        this.presence = presence;
        this.participants = participants;
        this.ice = ice;
        this.mapper = mapper;
        this.limits = settings.limits();
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        connection.userData().put(SEQ, new AtomicLong());
        connection.userData().put(RATE, new RateLimiter(limits.messagesPerSecond(), limits.burst()));
    }

    @OnTextMessage
    Uni<Void> message(WebSocketConnection connection, String text) {
        RateLimiter rate = connection.userData().get(RATE);
        if (!rate.tryAcquire()) {
            if (rate.refusals() > limits.refusalsBeforeClose()) {
                return connection.close(new CloseReason(1008, "message rate exceeded"));
            }
            return rate.refusals() == 1 || rate.refusals() % 10 == 0
                    ? error(connection, null, ErrorCode.RATE_LIMITED, "Slow down: at most "
                    + limits.messagesPerSecond() + " messages per second.")
                    : Uni.createFrom().voidItem();
        }
        VisitIdentity me = connection.userData().get(VisitTokenUpgradeCheck.IDENTITY);
        ClientMessage message;
        try {
            message = mapper.readValue(text, ClientMessage.class);
        } catch (JsonProcessingException e) {
            return error(connection, null, ErrorCode.MALFORMED_MESSAGE, "The frame is not a v1 JSON envelope.");
        }
        if (message.type() == null) {
            return error(connection, message.requestId(), ErrorCode.MALFORMED_MESSAGE, "The envelope has no type.");
        }
        if (message.type().equals("ping")) {
            return send(connection, "pong", message.requestId(), null, null);
        }
        if (message.type().equals("join")) {
            return join(connection, me, message);
        }
        if (!participants.isJoined(me, connection)) {
            return error(connection, message.requestId(), ErrorCode.NOT_JOINED, "Send join first.");
        }
        if (RELAYED.contains(message.type())) {
            return relay(connection, me, message);
        }
        return switch (message.type()) {
            case "media-state" -> toOthers(me, "media-state", message.payload());
            case "leave" -> leave(connection, me);
            default -> error(connection, message.requestId(), ErrorCode.UNKNOWN_TYPE,
                    "Unknown message type '" + message.type() + "'.");
        };
    }

    @OnClose
    Uni<Void> closed(WebSocketConnection connection) {
        VisitIdentity me = connection.userData().get(VisitTokenUpgradeCheck.IDENTITY);
        if (me != null && participants.leave(me, connection)) {
            return presence.disconnected(me, connection.userData().get(SESSION), "CONNECTION_LOST")
                    .call(() -> toOthers(me, "participant-disconnected",
                            Map.of("participantId", me.participant().toString(), "reason", "CONNECTION_LOST")));
        }
        return Uni.createFrom().voidItem();
    }

    /**
     * A frame above {@code quarkus.websockets-next.server.max-message-size} closes the connection with 1009 (message
     * too big); anything else unexpected with 1011 and an error id in the log, never the failure to the client.
     */
    @OnError
    Uni<Void> failed(WebSocketConnection connection, Throwable failure) {
        if (String.valueOf(failure.getMessage()).contains("max message size")) {
            return connection.close(new CloseReason(1009, "message too big"));
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(failure, "signaling connection failed, error id %s", errorId);
        return connection.close(new CloseReason(1011, "internal error " + errorId));
    }

    private Uni<Void> join(WebSocketConnection connection, VisitIdentity me, ClientMessage message) {
        if (!participants.join(me, connection)) {
            return error(connection, message.requestId(), ErrorCode.ALREADY_JOINED,
                    "This participant is already connected.");
        }
        LOG.debugf("participant %s joined visit %s", me.participant(), me.visit());
        // One snapshot for both the reply and the announcement: whoever joins later learns of us from its own reply.
        List<ConnectedParticipants.Member> others = participants.others(me);
        List<Map<String, String>> present = others.stream()
                .map(other -> Map.of("participantId", other.identity().participant().toString(),
                        "role", other.identity().role())).toList();
        String regionHint = message.payload() != null && message.payload().hasNonNull("regionHint")
                ? message.payload().get("regionHint").asText() : null;
        Map<String, Object> joined = Map.of("protocol", "v1", "visitId", me.visit().toString(),
                "participantId", me.participant().toString(), "role", me.role(), "participants", present,
                "ice", ice.forParticipant(me.participant(), regionHint));
        return presence.connected(me, INSTANCE)
                .invoke(session -> connection.userData().put(SESSION, session))
                .chain(() -> send(connection, "joined", message.requestId(), null, joined))
                .call(() -> toEach(others, me, "participant-joined", Map.of("participantId", me.participant().toString(),
                        "role", me.role())));
    }

    private Uni<Void> relay(WebSocketConnection connection, VisitIdentity me, ClientMessage message) {
        if (message.to() == null) {
            return error(connection, message.requestId(), ErrorCode.MISSING_TARGET, "Name the participant in 'to'.");
        }
        ParticipantId target;
        try {
            target = ParticipantId.of(message.to());
        } catch (IllegalArgumentException e) {
            return error(connection, message.requestId(), ErrorCode.MISSING_TARGET, "'to' is not a participant id.");
        }
        return participants.find(me.visit(), target)
                .map(member -> send(member.connection(), message.type(), null, me.participant().toString(),
                        message.payload()))
                .orElseGet(() -> error(connection, message.requestId(), ErrorCode.PARTICIPANT_NOT_CONNECTED,
                        "That participant is not connected to this visit."));
    }

    private Uni<Void> leave(WebSocketConnection connection, VisitIdentity me) {
        participants.leave(me, connection);
        return presence.left(me, connection.userData().get(SESSION), "LEFT").chain(() -> toOthers(me, "participant-left", Map.of("participantId", me.participant().toString(), "reason", "LEFT"))
                .call(() -> connection.close(new CloseReason(1000, "left"))));
    }

    private Uni<Void> toOthers(VisitIdentity me, String type, Object payload) {
        return toEach(participants.others(me), me, type, payload);
    }

    private Uni<Void> toEach(List<ConnectedParticipants.Member> members, VisitIdentity me, String type, Object payload) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (ConnectedParticipants.Member other : members) {
            all = all.call(() -> send(other.connection(), type, null, me.participant().toString(), payload)
                    .onFailure().recoverWithNull());
        }
        return all;
    }

    private Uni<Void> error(WebSocketConnection connection, String requestId, ErrorCode code, String message) {
        return send(connection, "error", requestId, null, Map.of("code", code.name(), "message", message));
    }

    /** The next sequence number of a connection's server frames. */
    static long nextSeq(WebSocketConnection connection) {
        return connection.userData().get(SEQ).incrementAndGet();
    }

    private Uni<Void> send(WebSocketConnection connection, String type, String requestId, String from, Object payload) {
        long seq = nextSeq(connection);
        try {
            return connection.sendText(mapper.writeValueAsString(new ServerMessage(type, requestId, seq, from, payload)));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
    }
}
