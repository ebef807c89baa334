package io.televisit.signaling.session;

import io.smallrye.mutiny.Uni;
import io.televisit.signaling.protocol.ParticipantId;
import io.televisit.signaling.protocol.SessionId;
import io.televisit.signaling.protocol.VisitId;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Delivers server frames to sessions wherever they are held: a session of this instance directly (no database, no
 * copy), any other through {@link SignalBus}. Frames that reach this instance for a session it has just handed on are
 * sent after it, once the database says where the session went.
 */
@Singleton
public class Router {

    /** What became of a frame. */
    public enum Outcome { DELIVERED, ABSENT, NOT_ADMITTED }

    private static final Logger LOG = Logger.getLogger(Router.class);
    private static final Uni<Outcome> DELIVERED = Uni.createFrom().item(Outcome.DELIVERED);
    private static final Duration MOVED_MEMORY = Duration.ofMinutes(2);

    private final LocalSessions sessions;
    private final SignalBus bus;
    /** Sessions this instance handed on, until the hand-over is committed (then re-routing finds the new owner). */
    private final Map<SessionId, Moved> moved = new ConcurrentHashMap<>();
    private volatile Consumer<BusMessage> control = message -> { };

    private record Moved(CompletableFuture<Void> settled, long at) {
    }

    public Router(LocalSessions sessions, SignalBus bus) {
        this.sessions = sessions;
        this.bus = bus;
        bus.onNotification(this::onNotification);
    }

    /** Hand-over requests and the like go to this handler; frames are handled here. */
    public void onControl(Consumer<BusMessage> handler) {
        this.control = handler;
    }

    /** To the live session of a participant of {@code visit}; a relayed frame only to an admitted one. */
    public Uni<Outcome> toParticipant(VisitId visit, ParticipantId target, String frame, boolean relayed) {
        Outcome here = toParticipantHere(visit, target, frame, relayed);
        if (here != null) {
            return here == Outcome.DELIVERED ? DELIVERED : Uni.createFrom().item(here);
        }
        return bus.route(null, visit.value(), target.value(), frame, relayed).map(Router::outcome);
    }

    /**
     * The same, if this instance holds the target's session (the common case, answered without a Uni); null if the
     * frame must go through the database to another instance, with {@link #toParticipant}.
     */
    public Outcome toParticipantHere(VisitId visit, ParticipantId target, String frame, boolean relayed) {
        LocalSession local = sessions.find(visit, target).orElse(null);
        if (local == null) {
            return null;
        }
        if (relayed && !local.admitted()) {
            return Outcome.NOT_ADMITTED;
        }
        return local.deliver(frame) ? Outcome.DELIVERED : null;
    }

    /** To one session. */
    public Uni<Outcome> toSession(SessionId target, String frame) {
        LocalSession local = sessions.get(target).orElse(null);
        if (local != null && local.deliver(frame)) {
            return DELIVERED;
        }
        return bus.route(target, null, null, frame, false).map(Router::outcome);
    }

    /** The session was handed on; frames still arriving here follow it once {@code settled} completes. */
    public void handedOn(SessionId session, CompletableFuture<Void> settled) {
        long now = System.nanoTime();
        moved.values().removeIf(m -> now - m.at() > MOVED_MEMORY.toNanos());
        moved.put(session, new Moved(settled, now));
    }

    /** The session is held here again. */
    public void heldHere(SessionId session) {
        moved.remove(session);
    }

    private void onNotification(String payload) {
        BusMessage message;
        try {
            message = BusMessage.parse(payload);
        } catch (RuntimeException e) {
            LOG.warn("ignored a malformed bus notification");
            return;
        }
        switch (message.kind()) {
            case BusMessage.FRAME -> arrived(message.session(), message.argument());
            case BusMessage.SPILLED -> bus.takeSpill(Long.parseLong(message.argument())).subscribe().with(
                    frame -> {
                        if (frame != null) {
                            arrived(message.session(), frame);
                        }
                    }, failure -> LOG.warn("could not read a spilled frame", failure));
            default -> control.accept(message);
        }
    }

    private void arrived(SessionId target, String frame) {
        LocalSession local = sessions.get(target).orElse(null);
        if (local != null && local.deliver(frame)) {
            return;
        }
        Moved handedOn = moved.get(target);
        if (handedOn == null) {
            LOG.debugf("dropped a frame for session %s, which is not held here", target);
            return;
        }
        Uni.createFrom().completionStage(handedOn.settled())
                .chain(() -> bus.route(target, null, null, frame, false))
                .subscribe().with(outcome -> { }, failure -> LOG.warn("could not forward a frame", failure));
    }

    private static Outcome outcome(String routed) {
        return switch (routed) {
            case "NOTIFIED", "STORED" -> Outcome.DELIVERED;
            case "NOT_ADMITTED" -> Outcome.NOT_ADMITTED;
            default -> Outcome.ABSENT;
        };
    }
}
