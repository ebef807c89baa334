package io.televisit.signaling.session;

import io.televisit.signaling.protocol.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.televisit.events.EventType;
import io.televisit.events.outbox.Outbox;
import io.televisit.events.presence.ParticipantConnected;
import io.televisit.events.presence.ParticipantDisconnected;
import io.televisit.events.presence.ParticipantLeft;
import io.televisit.events.presence.ParticipantReconnected;
import io.televisit.signaling.model.ParticipantSession;
import io.televisit.signaling.model.SessionState;
import io.televisit.signaling.model.VisitAdmission;
import io.televisit.signaling.protocol.ParticipantId;
import io.televisit.signaling.protocol.SessionId;
import io.televisit.signaling.protocol.VisitIdentity;
import jakarta.inject.Singleton;
import org.hibernate.LockMode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Session rows and presence events, changed together: each change of a session and its presence event for call-service
 * commit in one transaction (the event through the outbox), so the table and the published presence never disagree.
 */
@Singleton
public class SessionStore {

    /** A live session of the same visit, as the others see it. */
    public record Peer(SessionId session, ParticipantId participant, String role, SessionState state,
                       boolean admitted) {
        static Peer of(ParticipantSession row) {
            return new Peer(new SessionId(row.id), new ParticipantId(row.participantId), row.role, row.state,
                    row.admitted);
        }
    }

    /** A new session; {@code superseded} is the previous live session of the same participant, if there was one. */
    public record Opened(SessionId session, boolean admitted, Long supersededOwner, SessionId superseded,
                         List<Peer> peers) {
    }

    /** A session taken over by a resuming connection, and where it was held before. */
    public record TakenOver(SessionId session, Long previousOwner, SessionState previousState, boolean orphaned,
                            long lastSeq, boolean admitted, List<Peer> peers) {
    }

    /** A session that ended (left, superseded, grace expired), with who must hear of it. */
    public record Ended(SessionId session, VisitIdentity who, Long owner, List<Peer> peers) {
    }

    private static final String LIVE_OF_PARTICIPANT = "from ParticipantSession where visitId = :visit "
            + "and participantId = :participant and state <> io.televisit.signaling.model.SessionState.LEFT";
    private static final String LIVE_OF_VISIT = "from ParticipantSession where visitId = :visit "
            + "and state <> io.televisit.signaling.model.SessionState.LEFT order by connectedAt";

    private final Outbox outbox;

    public SessionStore(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Opened> open(VisitIdentity who, SessionId id, String resumeTokenHash, long owner) {
        Instant now = now();
        return Panache.withTransaction(() -> Panache.getSession().chain(db -> db
                .createSelectionQuery(LIVE_OF_PARTICIPANT, ParticipantSession.class)
                .setParameter("visit", who.visit().value()).setParameter("participant", who.participant().value())
                .setLockMode(LockMode.PESSIMISTIC_WRITE).getSingleResultOrNull()
                .chain(previous -> {
                    if (previous != null) {
                        end(previous, "SUPERSEDED", now);
                    }
                    return db.flush().replaceWith(previous);
                })
                .chain(previous -> admitted(who).chain(admitted -> {
                    ParticipantSession row = new ParticipantSession();
                    row.id = id.value();
                    row.visitId = who.visit().value();
                    row.participantId = who.participant().value();
                    row.role = who.role();
                    row.state = SessionState.CONNECTED;
                    row.resumeTokenHash = resumeTokenHash;
                    row.ownerInstance = owner;
                    row.admitted = admitted;
                    row.connectedAt = now;
                    row.lastSeenAt = now;
                    return db.persist(row)
                            .chain(() -> outbox.append(EventType.PARTICIPANT_CONNECTED, row.visitId,
                                    new ParticipantConnected(row.visitId, row.participantId, row.role, now)))
                            .chain(() -> peers(who))
                            .map(peers -> new Opened(id, admitted,
                                    previous == null ? null : previous.ownerInstance,
                                    previous == null ? null : new SessionId(previous.id), peers));
                }))));
    }

    /** The other live sessions of the visit. */
    public Uni<List<Peer>> peersOf(VisitIdentity who) {
        return Panache.withSession(() -> peers(who));
    }

    /** The session of a resume token, if it is live (checked at the upgrade). */
    public Uni<ParticipantSession> findByResumeToken(String resumeTokenHash) {
        return Panache.withSession(() -> ParticipantSession.<ParticipantSession>find(
                "resumeTokenHash = ?1 and state <> ?2", resumeTokenHash, SessionState.LEFT).firstResult());
    }

    /** Makes {@code owner} the owner of a live session; null if the session is no longer live. */
    public Uni<TakenOver> takeOver(SessionId id, long owner) {
        Instant now = now();
        return Panache.withTransaction(() -> lockLive(id).chain(row -> {
            if (row == null) {
                return Uni.createFrom().nullItem();
            }
            Long previousOwner = row.ownerInstance;
            SessionState previousState = row.state;
            boolean orphaned = row.orphaned;
            row.ownerInstance = owner;
            row.state = SessionState.CONNECTED;
            row.graceDeadline = null;
            row.orphaned = false;
            row.lastSeenAt = now;
            VisitIdentity who = identity(row);
            return outbox.append(EventType.PARTICIPANT_RECONNECTED, row.visitId,
                            new ParticipantReconnected(row.visitId, row.participantId, row.role, now))
                    .chain(() -> peers(who))
                    .map(peers -> new TakenOver(id, previousOwner, previousState, orphaned, row.lastSeq,
                            row.admitted, peers));
        }));
    }

    /**
     * The connection of a session owned by {@code owner} dropped: the session waits for a resume until the grace
     * deadline. Returns the peers to tell, or null if the session had moved on meanwhile.
     */
    public Uni<List<Peer>> detach(SessionId id, long owner, long lastSeq, Duration grace, String reasonCode) {
        Instant now = now();
        return Panache.withTransaction(() -> lockLive(id).chain(row -> {
            if (row == null || row.ownerInstance == null || row.ownerInstance != owner
                    || row.state != SessionState.CONNECTED) {
                return Uni.createFrom().nullItem();
            }
            row.state = SessionState.RECONNECTING;
            row.graceDeadline = now.plus(grace);
            row.lastSeq = Math.max(row.lastSeq, lastSeq);
            row.lastSeenAt = now;
            return outbox.append(EventType.PARTICIPANT_DISCONNECTED, row.visitId,
                            new ParticipantDisconnected(row.visitId, row.participantId, row.role, now, reasonCode))
                    .chain(() -> peers(identity(row)));
        }));
    }

    /**
     * This instance stops holding a session it owns (shutdown): the database keeps it, ownerless, for whichever
     * instance the client resumes on. A connected session gets its grace deadline now.
     */
    public Uni<List<Peer>> disown(SessionId id, long owner, long lastSeq, Duration grace) {
        Instant now = now();
        return Panache.withTransaction(() -> lockLive(id).chain(row -> {
            if (row == null || row.ownerInstance == null || row.ownerInstance != owner) {
                return Uni.createFrom().nullItem();
            }
            row.ownerInstance = null;
            row.lastSeq = Math.max(row.lastSeq, lastSeq);
            row.lastSeenAt = now;
            if (row.state != SessionState.CONNECTED) {
                return Uni.createFrom().item(List.<Peer>of());
            }
            row.state = SessionState.RECONNECTING;
            row.graceDeadline = now.plus(grace);
            return outbox.append(EventType.PARTICIPANT_DISCONNECTED, row.visitId,
                            new ParticipantDisconnected(row.visitId, row.participantId, row.role, now,
                                    "SERVER_SHUTDOWN"))
                    .chain(() -> peers(identity(row)));
        }));
    }

    /** Ends a live session (left, visit closed); null if it was not live. */
    public Uni<Ended> close(SessionId id, String reasonCode) {
        Instant now = now();
        return Panache.withTransaction(() -> lockLive(id).chain(row -> {
            if (row == null) {
                return Uni.createFrom().nullItem();
            }
            Long owner = row.ownerInstance;
            end(row, reasonCode, now);
            VisitIdentity who = identity(row);
            return outbox.append(EventType.PARTICIPANT_LEFT, row.visitId,
                            new ParticipantLeft(row.visitId, row.participantId, row.role, now, reasonCode))
                    .chain(() -> peers(who)).map(peers -> new Ended(id, who, owner, peers));
        }));
    }

    /** Sessions in grace past their deadline become LEFT (GRACE_EXPIRED); at most {@code limit} per call. */
    public Uni<List<Ended>> expireGrace(int limit) {
        Instant now = now();
        return Panache.withTransaction(() -> Panache.getSession().chain(db -> db
                .createSelectionQuery("from ParticipantSession where state = :state and graceDeadline < :now",
                        ParticipantSession.class)
                .setParameter("state", SessionState.RECONNECTING).setParameter("now", now)
                .setMaxResults(limit).setLockMode(LockMode.UPGRADE_SKIPLOCKED).getResultList())
                .chain(rows -> {
                    Uni<List<Ended>> all = Uni.createFrom().item(new java.util.ArrayList<>());
                    for (ParticipantSession row : rows) {
                        Long owner = row.ownerInstance;
                        end(row, "GRACE_EXPIRED", now);
                        VisitIdentity who = identity(row);
                        all = all.call(list -> outbox.append(EventType.PARTICIPANT_LEFT, row.visitId,
                                        new ParticipantLeft(row.visitId, row.participantId, row.role, now,
                                                "GRACE_EXPIRED"))
                                .chain(() -> peers(who))
                                .invoke(peers -> list.add(new Ended(new SessionId(row.id), who, owner, peers))));
                    }
                    return all;
                }));
    }

    /**
     * Ends the sessions of a closed visit that no instance holds (in grace after a drain or a crash), so none of them
     * can be resumed into a visit that is over. Every instance may call it; rows are claimed with SKIP LOCKED.
     */
    public Uni<Integer> closeOwnerless(UUID visitId, String reasonCode) {
        Instant now = now();
        return Panache.withTransaction(() -> Panache.getSession().chain(db -> db
                .createSelectionQuery("from ParticipantSession where visitId = :visit and ownerInstance is null "
                        + "and state <> io.televisit.signaling.model.SessionState.LEFT", ParticipantSession.class)
                .setParameter("visit", visitId).setLockMode(LockMode.UPGRADE_SKIPLOCKED).getResultList())
                .chain(rows -> {
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (ParticipantSession row : rows) {
                        end(row, reasonCode, now);
                        all = all.chain(() -> outbox.append(EventType.PARTICIPANT_LEFT, row.visitId,
                                new ParticipantLeft(row.visitId, row.participantId, row.role, now, reasonCode))
                                .replaceWithVoid());
                    }
                    return all.replaceWith(rows.size());
                }));
    }

    /** Deletes kept frames nobody can claim any more: of ended sessions, and spilled ones older than a minute. */
    public Uni<Void> deleteUnclaimedFrames() {
        return Panache.withTransaction(() -> Panache.getSession().chain(db -> db
                .createNativeQuery("DELETE FROM session_mailbox m USING participant_session s "
                        + "WHERE m.session_id = s.id AND s.state = 'LEFT'").executeUpdate()
                .chain(() -> db.createNativeQuery("DELETE FROM relay_spill WHERE created_at < now() - interval '1 minute'")
                        .executeUpdate())))
                .replaceWithVoid();
    }

    /**
     * Sessions whose owner died (no longer holds its liveness lock) lose their owner: their unacknowledged frames are
     * gone, so they are marked orphaned; connected ones start their grace now. Returns those that were connected.
     */
    public Uni<List<Ended>> orphan(java.util.Set<Long> liveInstances, java.util.function.Function<String, Duration> grace,
                                   int limit) {
        Instant now = now();
        return Panache.withTransaction(() -> Panache.getSession().chain(db -> db
                .createSelectionQuery("from ParticipantSession where state <> :left and ownerInstance is not null "
                        + "and ownerInstance not in :live", ParticipantSession.class)
                .setParameter("left", SessionState.LEFT)
                .setParameter("live", liveInstances.isEmpty() ? List.of(-1L) : liveInstances)
                .setMaxResults(limit).setLockMode(LockMode.UPGRADE_SKIPLOCKED).getResultList())
                .chain(rows -> {
                    Uni<List<Ended>> all = Uni.createFrom().item(new java.util.ArrayList<>());
                    for (ParticipantSession row : rows) {
                        Long owner = row.ownerInstance;
                        boolean wasConnected = row.state == SessionState.CONNECTED;
                        row.ownerInstance = null;
                        row.orphaned = true;
                        if (!wasConnected) {
                            continue;
                        }
                        row.state = SessionState.RECONNECTING;
                        row.graceDeadline = now.plus(grace.apply(row.role));
                        VisitIdentity who = identity(row);
                        all = all.call(list -> outbox.append(EventType.PARTICIPANT_DISCONNECTED, row.visitId,
                                        new ParticipantDisconnected(row.visitId, row.participantId, row.role, now,
                                                "INSTANCE_LOST"))
                                .chain(() -> peers(who))
                                .invoke(peers -> list.add(new Ended(new SessionId(row.id), who, owner, peers))));
                    }
                    return all;
                }));
    }

    /** Records an admission and admits the participant's live session; false if it was already recorded. */
    public Uni<Boolean> admit(UUID visitId, UUID participantId, Instant at) {
        return Panache.withTransaction(() -> Panache.getSession().chain(db -> db
                .createMutationQuery("update ParticipantSession set admitted = true where visitId = :visit "
                        + "and participantId = :participant and state <> io.televisit.signaling.model.SessionState.LEFT")
                .setParameter("visit", visitId).setParameter("participant", participantId).executeUpdate()
                .chain(() -> db.find(VisitAdmission.class, new VisitAdmission.Key(visitId, participantId)))
                .chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().item(false);
                    }
                    VisitAdmission admission = new VisitAdmission();
                    admission.visitId = visitId;
                    admission.participantId = participantId;
                    admission.admittedAt = at;
                    return db.persist(admission).replaceWith(true);
                })));
    }

    private static Uni<Boolean> admitted(VisitIdentity who) {
        if (Roles.isClinician(who.role())) {
            return Uni.createFrom().item(true);
        }
        return VisitAdmission.findById(new VisitAdmission.Key(who.visit().value(), who.participant().value()))
                .map(found -> found != null);
    }

    private static Uni<ParticipantSession> lockLive(SessionId id) {
        return Panache.getSession().chain(db -> db.find(ParticipantSession.class, id.value(),
                        LockMode.PESSIMISTIC_WRITE))
                .map(row -> row == null || row.state == SessionState.LEFT ? null : row);
    }

    private static Uni<List<Peer>> peers(VisitIdentity who) {
        return Panache.getSession().chain(db -> db.createSelectionQuery(LIVE_OF_VISIT, ParticipantSession.class)
                .setParameter("visit", who.visit().value()).getResultList())
                .map(rows -> rows.stream().filter(row -> !row.participantId.equals(who.participant().value()))
                        .map(Peer::of).toList());
    }

    private static void end(ParticipantSession row, String reason, Instant at) {
        row.state = SessionState.LEFT;
        row.leftReason = reason;
        row.graceDeadline = null;
        row.lastSeenAt = at;
    }

    public static VisitIdentity identity(ParticipantSession row) {
        return new VisitIdentity(new io.televisit.signaling.protocol.VisitId(row.visitId),
                new ParticipantId(row.participantId), row.role, null);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
