package io.televisit.call.events;

import io.smallrye.mutiny.Uni;
import io.televisit.call.model.Participant;
import io.televisit.call.model.ParticipantState;
import io.televisit.call.model.VisitAction;
import io.televisit.call.model.VisitStatus;
import io.televisit.call.service.Caller;
import io.televisit.call.service.TransitionCommand;
import io.televisit.call.service.VisitAccess;
import io.televisit.call.service.VisitContext;
import io.televisit.call.service.VisitService;
import io.televisit.events.EventCodec;
import io.televisit.events.EventType;
import io.televisit.events.inbox.EventHandler;
import io.televisit.events.inbox.Inbox;
import io.televisit.events.presence.ParticipantConnected;
import io.televisit.events.presence.ParticipantDisconnected;
import io.televisit.events.presence.ParticipantLeft;
import io.televisit.events.presence.ParticipantReconnected;
import io.televisit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * Presence from signaling-service keeps participants and visits true: connection intervals add up to each
 * participant's participation time; a clinician and an admitted patient connected start the visit; once everyone who
 * joined has left, an in-progress visit ends.
 */
@ApplicationScoped
public class PresenceConsumer {

    static final String CONSUMER = "call-service.presence";

    private final Inbox inbox;
    private final EventCodec codec;
    private final VisitAccess access;
    private final VisitService visits;
    private final Map<EventType, EventHandler> handlers;

    public PresenceConsumer(Inbox inbox, EventCodec codec, VisitAccess access, VisitService visits) {
        this.inbox = inbox;
        this.codec = codec;
        this.access = access;
        this.visits = visits;
        this.handlers = Map.of(
                EventType.PARTICIPANT_CONNECTED, event -> {
                    ParticipantConnected data = codec.data(event, ParticipantConnected.class);
                    return update(data.visitId(), data.participantId(), data.at(), this::connect);
                },
                EventType.PARTICIPANT_RECONNECTED, event -> {
                    ParticipantReconnected data = codec.data(event, ParticipantReconnected.class);
                    return update(data.visitId(), data.participantId(), data.at(), this::connect);
                },
                EventType.PARTICIPANT_DISCONNECTED, event -> {
                    ParticipantDisconnected data = codec.data(event, ParticipantDisconnected.class);
                    return update(data.visitId(), data.participantId(), data.at(), this::disconnect);
                },
                EventType.PARTICIPANT_LEFT, event -> {
                    ParticipantLeft data = codec.data(event, ParticipantLeft.class);
                    return update(data.visitId(), data.participantId(), data.at(), this::leave);
                });
    }

    @Incoming("presence")
    public Uni<Void> consume(String record) {
        return inbox.consume(CONSUMER, record, handlers);
    }

    private Uni<Void> update(UUID visitId, UUID participantId, Instant at,
                             Change change) {
        Instant when = at.truncatedTo(ChronoUnit.MICROS);
        return access.load(Caller.SYSTEM, visitId, true)
                // Presence for a visit this service does not know can never apply: skip it rather than retry.
                .onFailure(ProblemException.class).recoverWithNull()
                .chain(context -> context == null ? Uni.createFrom().voidItem() : context.participant(participantId)
                        .map(participant -> change.apply(context, participant, when))
                        .orElseGet(() -> Uni.createFrom().item(context)).replaceWithVoid());
    }

    /** A presence change at the instant signaling-service observed it. */
    @FunctionalInterface
    private interface Change {
        Uni<VisitContext> apply(VisitContext context, Participant participant, Instant at);
    }

    private Uni<VisitContext> connect(VisitContext context, Participant participant, Instant at) {
        if (participant.connectedSince == null) {
            participant.connectedSince = at;
        }
        if (participant.joinedAt == null) {
            participant.joinedAt = at;
        }
        participant.leftAt = null;
        participant.state = participant.isAdmitted() ? ParticipantState.CONNECTED : ParticipantState.WAITING;
        return visits.startIfBothConnected(context);
    }

    private Uni<VisitContext> disconnect(VisitContext context, Participant participant, Instant at) {
        closeInterval(participant, at);
        participant.state = ParticipantState.DISCONNECTED;
        return Uni.createFrom().item(context);
    }

    private Uni<VisitContext> leave(VisitContext context, Participant participant, Instant at) {
        closeInterval(participant, at);
        participant.state = ParticipantState.LEFT;
        participant.leftAt = at;
        boolean everyoneLeft = context.participants().stream()
                .filter(p -> p.joinedAt != null).allMatch(p -> p.state == ParticipantState.LEFT);
        if (context.visit().status == VisitStatus.IN_PROGRESS && everyoneLeft) {
            return visits.systemTransition(context, new TransitionCommand(VisitAction.END, "ALL_LEFT", null));
        }
        return Uni.createFrom().item(context);
    }

    private static void closeInterval(Participant participant, Instant at) {
        if (participant.connectedSince != null) {
            participant.connectedMillis += Math.max(0, Duration.between(participant.connectedSince, at).toMillis());
            participant.connectedSince = null;
        }
    }
}
