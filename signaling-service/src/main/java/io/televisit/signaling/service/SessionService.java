package io.televisit.signaling.service;

import io.televisit.signaling.protocol.Roles;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.televisit.signaling.config.SignalingSettings;
import io.televisit.signaling.model.SessionState;
import io.televisit.signaling.protocol.CloseCodes;
import io.televisit.signaling.protocol.Frames;
import io.televisit.signaling.protocol.SessionId;
import io.televisit.signaling.protocol.VisitIdentity;
import io.televisit.signaling.session.BusMessage;
import io.televisit.signaling.session.LocalSession;
import io.televisit.signaling.session.LocalSessions;
import io.televisit.signaling.session.Router;
import io.televisit.signaling.session.SessionStore;
import io.televisit.signaling.session.SignalBus;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The life of a participant's session: join, drop, resume (here or on another instance), leave, end. Presence changes
 * reach the others as frames and call-service as events (see {@link SessionStore}).
 */
@Startup
@Singleton
public class SessionService {

    /** A joined or resumed session, for the connection that holds it. */
    public record Attached(LocalSession session, boolean complete, int replayed) {
    }

    private static final Logger LOG = Logger.getLogger(SessionService.class);

    private final LocalSessions sessions;
    private final SessionStore store;
    private final SignalBus bus;
    private final Router router;
    private final IceConfiguration ice;
    private final ObjectMapper mapper;
    private final SignalingSettings settings;
    private final Map<SessionId, CompletableFuture<Void>> awaitedHandOvers = new ConcurrentHashMap<>();

    public SessionService(LocalSessions sessions, SessionStore store, SignalBus bus, Router router,
                          IceConfiguration ice, ObjectMapper mapper, SignalingSettings settings) {
        this.sessions = sessions;
        this.store = store;
        this.bus = bus;
        this.router = router;
        this.ice = ice;
        this.mapper = mapper;
        this.settings = settings;
        router.onControl(this::onControl);
    }

    /** A new session for a participant; a live older one of the same participant is superseded. */
    public Uni<Attached> join(WebSocketConnection connection, VisitIdentity me, String requestId, String regionHint) {
        SessionId id = SessionId.random();
        String resumeToken = ResumeTokens.newToken();
        LocalSession local = restoring(id, me);
        local.preferRegion(regionHint);
        sessions.add(local);
        return store.open(me, id, ResumeTokens.hash(resumeToken), bus.instance())
                .onFailure().invoke(() -> sessions.remove(local))
                .chain(opened -> {
                    if (opened.superseded() != null) {
                        endElsewhere(opened.superseded(), opened.supersededOwner(), CloseCodes.SUPERSEDED,
                                "superseded by a new join");
                    }
                    if (opened.admitted()) {
                        local.admit();
                    }
                    Map<String, Object> joined = new LinkedHashMap<>();
                    joined.put("protocol", "v1");
                    joined.put("sessionId", id.toString());
                    joined.put("resumeToken", resumeToken);
                    joined.put("visitId", me.visit().toString());
                    joined.put("participantId", me.participant().toString());
                    joined.put("role", me.role());
                    joined.put("admission", opened.admitted() ? "ADMITTED" : "WAITING");
                    joined.put("participants", opened.peers().stream().map(SessionService::view).toList());
                    joined.put("ice", iceFor(local));
                    joined.put("timing", timing(me.role()));
                    String joinedFrame = frame("joined", requestId, null, joined);
                    local.start(opened.admitted() ? List.of(joinedFrame)
                            : List.of(joinedFrame, frame("waiting", null, null, Map.of("reason", "NOT_ADMITTED"))));
                    local.attach(connection, 0);
                    String announcement = frame("participant-joined", null, me.participant().toString(),
                            Map.of("participantId", me.participant().toString(), "role", me.role(),
                                    "admitted", opened.admitted()));
                    Uni<Void> told = tellAll(opened.peers(), announcement);
                    if (Roles.isClinician(me.role())) {
                        String admitted = frame("admitted", null, null, Map.of("reason", "CLINICIAN_PRESENT"));
                        told = told.chain(() -> tellAll(opened.peers().stream()
                                .filter(peer -> !Roles.isClinician(peer.role()) && peer.admitted()).toList(), admitted));
                    }
                    return told.replaceWith(new Attached(local, true, 0));
                });
    }

    /**
     * Resumes a session on this connection: takes it over in the database, collects the frames the client missed from
     * wherever they are kept (this instance, the previous owner, the database), and sends them in order.
     */
    public Uni<Attached> resume(WebSocketConnection connection, SessionId id, VisitIdentity me, String requestId,
                                long lastSeq, String regionHint) {
        LocalSession here = sessions.get(id).orElse(null);
        if (here != null && !here.isReleased()) {
            here.preferRegion(regionHint);
            return store.takeOver(id, bus.instance()).chain(taken -> {
                if (taken == null) {
                    sessions.remove(here);
                    here.end(CloseCodes.SESSION_ENDED, "session ended");
                    return Uni.createFrom().nullItem();
                }
                here.replaceConnection(CloseCodes.SESSION_MOVED, "resumed on another connection");
                LocalSession.Replay replay = here.attach(connection, lastSeq);
                return afterResume(here, taken, requestId, replay.complete(), replay.frames().size());
            });
        }
        LocalSession local = restoring(id, me);
        local.preferRegion(regionHint);
        sessions.add(local);
        router.heldHere(id);
        return store.takeOver(id, bus.instance())
                .onFailure().invoke(() -> sessions.remove(local))
                .chain(taken -> {
                    if (taken == null) {
                        sessions.remove(local);
                        local.release();
                        return Uni.createFrom().nullItem();
                    }
                    if (taken.admitted()) {
                        local.admit();
                    }
                    return handedOver(id, taken.previousOwner())
                            .chain(handedOver -> bus.takeMailbox(id).map(mailbox -> {
                                boolean gapLost = taken.orphaned() || !handedOver;
                                long known = Math.max(taken.lastSeq(), mailbox.lastSeq());
                                long base = Math.max(known, lastSeq);
                                List<LocalSession.Numbered> frames = gapLost ? renumber(mailbox.frames(), base)
                                        : number(mailbox.frames());
                                local.restore(frames, gapLost ? base : known);
                                LocalSession.Replay replay = local.attach(connection, lastSeq);
                                return new Attached(local, replay.complete() && !gapLost, replay.frames().size());
                            }))
                            .chain(attached -> afterResume(local, taken, requestId, attached.complete(),
                                    attached.replayed()));
                });
    }

    /** The connection dropped without leaving: the session waits in grace; the others see it reconnecting. */
    public Uni<Void> dropped(WebSocketConnection connection, LocalSession local, String reasonCode) {
        if (!local.detach(connection)) {
            return Uni.createFrom().voidItem();
        }
        Duration grace = grace(local.identity().role());
        return store.detach(local.id(), bus.instance(), local.seq(), grace, reasonCode).chain(peers -> peers == null
                ? Uni.createFrom().voidItem()
                : tellAll(peers, frame("participant-reconnecting", null, local.participantText(),
                Map.of("participantId", local.participantText(), "role", local.identity().role(),
                        "graceSeconds", grace.toSeconds()))));
    }

    /** The participant left for good (or its visit was closed). */
    public Uni<Void> leave(LocalSession local, String reasonCode, int closeCode, String closeReason) {
        return store.close(local.id(), reasonCode).chain(ended -> {
            sessions.remove(local);
            local.end(closeCode, closeReason);
            if (ended == null) {
                return Uni.createFrom().voidItem();
            }
            return tellAll(ended.peers(), frame("participant-left", null, local.participantText(),
                    Map.of("participantId", local.participantText(), "role",
                            local.identity().role(), "reason", reasonCode)))
                    .chain(() -> backToWaitingWithoutClinician(ended, "CLINICIAN_LEFT"));
        });
    }

    /** Sessions whose grace expired anywhere: ended where they are held, the others told, patients back to waiting. */
    public Uni<Void> graceExpired(List<SessionStore.Ended> expired) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (SessionStore.Ended ended : expired) {
            endElsewhere(ended.session(), ended.owner(), CloseCodes.SESSION_ENDED, "grace expired");
            String participant = ended.who().participant().toString();
            all = all.chain(() -> tellAll(ended.peers(), frame("participant-disconnected", null, participant,
                    Map.of("participantId", participant, "role", ended.who().role(), "reason", "GRACE_EXPIRED"))));
            all = all.chain(() -> backToWaitingWithoutClinician(ended, "CLINICIAN_LOST"));
        }
        return all;
    }

    /** When the last clinician has gone, the patients still there are told they wait again. */
    private Uni<Void> backToWaitingWithoutClinician(SessionStore.Ended ended, String reason) {
        if (!Roles.isClinician(ended.who().role())
                || ended.peers().stream().anyMatch(peer -> Roles.isClinician(peer.role()))) {
            return Uni.createFrom().voidItem();
        }
        return tellAll(ended.peers(), frame("waiting", null, null, Map.of("reason", reason)));
    }

    /** Sessions whose instance died: the others see them reconnecting until they resume or their grace ends. */
    public Uni<Void> orphaned(List<SessionStore.Ended> orphans) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (SessionStore.Ended orphan : orphans) {
            String participant = orphan.who().participant().toString();
            all = all.chain(() -> tellAll(orphan.peers(), frame("participant-reconnecting", null, participant,
                    Map.of("participantId", participant, "role", orphan.who().role(),
                            "graceSeconds", grace(orphan.who().role()).toSeconds()))));
        }
        return all;
    }

    /**
     * This instance is stopping: every session it holds is written to the database, ownerless, and its client told to
     * reconnect; it resumes on another instance with nothing lost.
     */
    public Uni<Void> drain(LocalSession local) {
        local.deliver(frame("reconnect", null, null, Map.of("reason", "SERVER_SHUTDOWN")));
        List<LocalSession.Numbered> kept = local.release();
        sessions.remove(local);
        CompletableFuture<Void> settled = new CompletableFuture<>();
        router.handedOn(local.id(), settled);
        return bus.storeMailbox(local.id(), unnumbered(kept), local.seq())
                .chain(() -> store.disown(local.id(), bus.instance(), local.seq(), grace(local.identity().role())))
                .eventually(() -> settled.complete(null))
                .chain(peers -> {
                    local.end(CloseCodes.SERVICE_RESTART, "server shutting down, reconnect");
                    return peers == null ? Uni.createFrom().voidItem()
                            : tellAll(peers, frame("participant-reconnecting", null,
                            local.participantText(),
                            Map.of("participantId", local.participantText(),
                                    "role", local.identity().role(),
                                    "graceSeconds", grace(local.identity().role()).toSeconds())));
                });
    }

    /**
     * Connected sessions held here whose TURN credentials expire before {@code now} + refresh-before get fresh ones
     * ({@code ice-servers}), so a visit outlives its credentials and a rotated secret reaches everyone in time.
     *
     * @return how many sessions were sent new credentials
     */
    public int refreshIceCredentials(Instant now) {
        Instant due = now.plus(settings.turn().refreshBefore());
        int refreshed = 0;
        for (LocalSession local : sessions.all()) {
            Instant expires = local.credentialsExpireAt();
            if (local.isConnected() && expires != null && expires.isBefore(due)) {
                local.deliver(frame("ice-servers", null, null, iceFor(local)));
                refreshed++;
            }
        }
        return refreshed;
    }

    public String frame(String type, String requestId, String from, Object payload) {
        return Frames.build(mapper, type, requestId, from, payload);
    }

    public Uni<Void> tellAll(List<SessionStore.Peer> peers, String frame) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (SessionStore.Peer peer : peers) {
            all = all.chain(() -> router.toSession(peer.session(), frame).onFailure().recoverWithNull()
                    .replaceWithVoid());
        }
        return all;
    }

    public Duration grace(String role) {
        return Roles.isClinician(role) ? settings.grace().clinician() : settings.grace().patient();
    }

    private Uni<Attached> afterResume(LocalSession local, SessionStore.TakenOver taken, String requestId,
                                      boolean complete, int replayed) {
        Map<String, Object> resumed = new LinkedHashMap<>();
        resumed.put("sessionId", local.id().toString());
        resumed.put("replayed", replayed);
        resumed.put("complete", complete);
        resumed.put("admission", local.admitted() ? "ADMITTED" : "WAITING");
        resumed.put("participants", taken.peers().stream().map(SessionService::view).toList());
        resumed.put("ice", iceFor(local));
        resumed.put("timing", timing(local.identity().role()));
        local.deliver(frame("resumed", requestId, null, resumed));
        String participant = local.participantText();
        Uni<Void> told = tellAll(taken.peers(), frame("participant-reconnected", null, participant,
                Map.of("participantId", participant, "role", local.identity().role())));
        if (!complete) {
            // Frames were lost with the previous instance: the offerer restarts ICE, which renegotiates everything.
            told = told.chain(() -> requestIceRestart(local, taken.peers(), "SIGNALING_GAP"));
        }
        return told.replaceWith(new Attached(local, complete, replayed));
    }

    /** The clinician makes the offers (one offerer, no glare); an ICE restart is asked of it. */
    public Uni<Void> requestIceRestart(LocalSession requester, List<SessionStore.Peer> peers, String reason) {
        String restart = frame("ice-restart", null, null, Map.of("reason", reason,
                "requestedBy", requester.participantText()));
        if (Roles.isClinician(requester.identity().role())) {
            requester.deliver(restart);
            return Uni.createFrom().voidItem();
        }
        return tellAll(peers.stream().filter(peer -> Roles.isClinician(peer.role())).toList(), restart);
    }

    /** Waits for the previous owner to hand over the frames it kept; false if it is dead or does not answer. */
    private Uni<Boolean> handedOver(SessionId id, Long previousOwner) {
        if (previousOwner == null) {
            return Uni.createFrom().item(true);
        }
        if (previousOwner == bus.instance()) {
            return Uni.createFrom().item(false);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        awaitedHandOvers.put(id, done);
        return bus.liveInstances().chain(live -> {
                    if (!live.contains(previousOwner)) {
                        return Uni.createFrom().item(false);
                    }
                    return bus.tell(previousOwner, new BusMessage(BusMessage.HAND_OVER, id,
                                    Long.toString(bus.instance())).encode())
                            .chain(() -> Uni.createFrom().completionStage(done)).replaceWith(true)
                            .ifNoItem().after(settings.grace().handOverTimeout()).recoverWithItem(false);
                })
                .eventually(() -> awaitedHandOvers.remove(id, done));
    }

    private void onControl(BusMessage message) {
        switch (message.kind()) {
            case BusMessage.HAND_OVER -> handOver(message.session(), Long.parseLong(message.argument()));
            case BusMessage.HANDED_OVER -> {
                CompletableFuture<Void> done = awaitedHandOvers.get(message.session());
                if (done != null) {
                    done.complete(null);
                }
            }
            case BusMessage.END -> sessions.get(message.session()).ifPresent(local -> {
                sessions.remove(local);
                int code = Integer.parseInt(message.argument());
                local.end(code, code == CloseCodes.SUPERSEDED ? "superseded by a new join" : "session ended");
            });
            default -> LOG.warnf("ignored bus message kind %s", message.kind());
        }
    }

    /** Another instance resumed a session held here: give it the unacknowledged frames through the database. */
    private void handOver(SessionId id, long to) {
        LocalSession local = sessions.get(id).orElse(null);
        Uni<Void> stored = Uni.createFrom().voidItem();
        if (local != null) {
            List<LocalSession.Numbered> kept = local.release();
            sessions.remove(local);
            local.end(CloseCodes.SESSION_MOVED, "resumed on another connection");
            CompletableFuture<Void> settled = new CompletableFuture<>();
            router.handedOn(id, settled);
            stored = bus.storeMailbox(id, unnumbered(kept), local.seq()).eventually(() -> settled.complete(null));
        }
        stored.chain(() -> bus.tell(to, new BusMessage(BusMessage.HANDED_OVER, id, "").encode()))
                .subscribe().with(ok -> { }, failure -> LOG.warn("hand-over failed", failure));
    }

    private void endElsewhere(SessionId id, Long owner, int code, String reason) {
        if (owner == null) {
            return;
        }
        if (owner == bus.instance()) {
            sessions.get(id).ifPresent(local -> {
                sessions.remove(local);
                local.end(code, reason);
            });
            return;
        }
        bus.tell(owner, new BusMessage(BusMessage.END, id, Integer.toString(code)).encode())
                .subscribe().with(ok -> { }, failure -> LOG.warn("could not end a session elsewhere", failure));
    }

    private IceConfiguration.IceOffer iceFor(LocalSession local) {
        IceConfiguration.IceOffer offer = ice.forParticipant(local.identity().participant(), local.regionHint());
        local.credentialsIssued(offer.credentialsExpireAt());
        return offer;
    }

    private LocalSession restoring(SessionId id, VisitIdentity me) {
        return LocalSession.restoring(id, me, false, settings.grace().keptFrames(), settings.grace().keptChars());
    }

    private Map<String, Object> timing(String role) {
        return Map.of("heartbeatSeconds", settings.heartbeat().interval().toSeconds(),
                "idleTimeoutSeconds", settings.heartbeat().idleTimeout().toSeconds(),
                "graceSeconds", grace(role).toSeconds());
    }

    private static Map<String, Object> view(SessionStore.Peer peer) {
        return Map.of("participantId", peer.participant().toString(), "role", peer.role(),
                "state", peer.state() == SessionState.CONNECTED ? "CONNECTED" : "RECONNECTING",
                "admitted", peer.admitted());
    }

    private static List<LocalSession.Numbered> unnumbered(List<LocalSession.Numbered> kept) {
        return kept.stream().map(f -> new LocalSession.Numbered(f.seq(), Frames.unnumbered(f.text()))).toList();
    }

    private static List<LocalSession.Numbered> number(List<LocalSession.Numbered> stored) {
        return stored.stream().map(f -> new LocalSession.Numbered(f.seq(), Frames.numbered(f.text(), f.seq()))).toList();
    }

    private static List<LocalSession.Numbered> renumber(List<LocalSession.Numbered> stored, long base) {
        List<LocalSession.Numbered> numbered = new ArrayList<>(stored.size());
        long seq = base;
        for (LocalSession.Numbered frame : stored) {
            seq++;
            numbered.add(new LocalSession.Numbered(seq, Frames.numbered(frame.text(), seq)));
        }
        return numbered;
    }
}
