package io.televisit.signaling.ws;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.televisit.signaling.config.SignalingSettings;
import io.televisit.signaling.events.QualityReports;
import io.televisit.signaling.protocol.ClientMessage;
import io.televisit.signaling.protocol.CloseCodes;
import io.televisit.signaling.protocol.ErrorCode;
import io.televisit.signaling.protocol.Frames;
import io.televisit.signaling.protocol.ParticipantId;
import io.televisit.signaling.service.SessionService;
import io.televisit.signaling.session.LocalSession;
import io.televisit.signaling.session.Router;
import io.televisit.signaling.session.SessionStore;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Messages of a joined participant. Offers, answers and candidates go to one named participant of the same visit,
 * and only between admitted participants; their sizes and counts are limited (docs/signaling-protocol.md#limits).
 */
@Singleton
public class SessionMessages {

    private static final Uni<Void> DONE = Uni.createFrom().voidItem();
    private static final java.util.Set<String> MEDIA_KINDS = java.util.Set.of("audio", "video", "screen");

    private final SessionService sessions;
    private final SessionStore store;
    private final Router router;
    private final Replies replies;
    private final QualityReports quality;
    private final SignalingSettings.Limits limits;

    public SessionMessages(SessionService sessions, SessionStore store, Router router, Replies replies,
                           QualityReports quality, SignalingSettings settings) {
        this.sessions = sessions;
        this.store = store;
        this.router = router;
        this.replies = replies;
        this.quality = quality;
        this.limits = settings.limits();
    }

    Uni<Void> handle(WebSocketConnection connection, LocalSession me, ClientMessage message) {
        return switch (message.type()) {
            case "offer", "answer" -> description(connection, me, message);
            case "ice-candidate" -> candidate(connection, me, message);
            case "end-of-candidates" -> relay(connection, me, message);
            case "media-state" -> mediaState(connection, me, message);
            case "ice-restart" -> store.peersOf(me.identity())
                    .chain(peers -> sessions.requestIceRestart(me, peers, "REQUESTED"));
            case "quality-report" -> quality.report(connection, me, message);
            case "ack" -> acknowledge(connection, me, message);
            case "leave" -> sessions.leave(me, "LEFT", CloseCodes.NORMAL, "left");
            default -> replies.error(connection, message.requestId(), ErrorCode.UNKNOWN_TYPE,
                    "Unknown message type '" + message.type() + "'.");
        };
    }

    private Uni<Void> description(WebSocketConnection connection, LocalSession me, ClientMessage message) {
        String sdp = message.payloadText("sdp");
        if (sdp == null) {
            return replies.error(connection, message.requestId(), ErrorCode.INVALID_PAYLOAD,
                    message.type() + " needs payload.sdp.");
        }
        if (sdp.length() > limits.maxSdpChars()) {
            return replies.error(connection, message.requestId(), ErrorCode.SDP_TOO_LARGE,
                    "SDP above " + limits.maxSdpChars() + " characters.");
        }
        me.newNegotiation();
        return relay(connection, me, message);
    }

    private Uni<Void> candidate(WebSocketConnection connection, LocalSession me, ClientMessage message) {
        String candidate = message.payloadText("candidate");
        if (candidate == null) {
            return replies.error(connection, message.requestId(), ErrorCode.INVALID_PAYLOAD,
                    "ice-candidate needs payload.candidate.");
        }
        if (candidate.length() > limits.maxCandidateChars()) {
            return replies.error(connection, message.requestId(), ErrorCode.INVALID_PAYLOAD,
                    "ICE candidate above " + limits.maxCandidateChars() + " characters.");
        }
        if (me.countCandidate() > limits.maxCandidatesPerNegotiation()) {
            return replies.error(connection, message.requestId(), ErrorCode.TOO_MANY_CANDIDATES,
                    "At most " + limits.maxCandidatesPerNegotiation() + " candidates per offer or answer.");
        }
        return relay(connection, me, message);
    }

    private Uni<Void> relay(WebSocketConnection connection, LocalSession me, ClientMessage message) {
        if (message.to() == null) {
            return replies.error(connection, message.requestId(), ErrorCode.MISSING_TARGET,
                    "Name the participant in 'to'.");
        }
        ParticipantId target;
        try {
            target = ParticipantId.of(message.to());
        } catch (IllegalArgumentException e) {
            return replies.error(connection, message.requestId(), ErrorCode.MISSING_TARGET,
                    "'to' is not a participant id.");
        }
        if (!me.admitted()) {
            return replies.error(connection, message.requestId(), ErrorCode.NOT_ADMITTED,
                    "Wait to be admitted by the clinician.");
        }
        String frame = Frames.relayed(message.type(), me.participantText(), message.rawPayload());
        Router.Outcome here = router.toParticipantHere(me.identity().visit(), target, frame, true);
        return here != null ? answer(connection, message, here) : router.toParticipant(me.identity().visit(), target,
                frame, true).chain(outcome -> answer(connection, message, outcome));
    }

    /** Nothing for a delivered relay; an error naming why it could not be. */
    private Uni<Void> answer(WebSocketConnection connection, ClientMessage message, Router.Outcome outcome) {
        return switch (outcome) {
            case DELIVERED -> DONE;
            case NOT_ADMITTED -> replies.error(connection, message.requestId(), ErrorCode.NOT_ADMITTED,
                    "That participant is still in the waiting room.");
            case ABSENT -> replies.error(connection, message.requestId(), ErrorCode.PARTICIPANT_NOT_CONNECTED,
                    "That participant is not connected to this visit.");
        };
    }

    private Uni<Void> mediaState(WebSocketConnection connection, LocalSession me, ClientMessage message) {
        JsonNode payload = message.payload();
        if (payload == null || !payload.isObject() || payload.size() == 0 || payload.size() > 3) {
            return replies.error(connection, message.requestId(), ErrorCode.INVALID_PAYLOAD,
                    "media-state needs payload {audio?, video?, screen?} with booleans.");
        }
        for (var fields = payload.fields(); fields.hasNext(); ) {
            var field = fields.next();
            if (!MEDIA_KINDS.contains(field.getKey()) || !field.getValue().isBoolean()) {
                return replies.error(connection, message.requestId(), ErrorCode.INVALID_PAYLOAD,
                        "media-state takes audio, video and screen, each true or false.");
            }
        }
        String participant = me.participantText();
        String frame = sessions.frame("media-state", null, participant, Map.of("participantId", participant,
                "state", payload));
        return store.peersOf(me.identity()).chain(peers -> sessions.tellAll(peers, frame));
    }

    private Uni<Void> acknowledge(WebSocketConnection connection, LocalSession me, ClientMessage message) {
        JsonNode seq = message.payload() == null ? null : message.payload().get("seq");
        if (seq == null || !seq.canConvertToLong()) {
            return replies.error(connection, message.requestId(), ErrorCode.INVALID_PAYLOAD, "ack needs payload.seq.");
        }
        me.acknowledge(seq.asLong());
        return Uni.createFrom().voidItem();
    }
}
