package io.televisit.signaling.session;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.televisit.signaling.protocol.SessionId;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Instances talk through their PostgreSQL database (docs/signaling-protocol.md#several-instances): each listens on its
 * own channel {@code signaling_<instance>}, and holds an advisory lock for as long as it lives, so any instance can
 * tell at once whether another is alive (PostgreSQL drops the lock when the process dies, even on kill -9).
 * Frames go to another instance through {@code signal_route}, which looks up the owner under a row lock.
 */
@Singleton
public class SignalBus {

    private static final Logger LOG = Logger.getLogger(SignalBus.class);
    /** First key of the two-key advisory locks that mark live instances; the second is the instance number. */
    private static final int LIVENESS_LOCK_CLASS = 0x7e1e;
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(10);

    private final Pool pool;
    private final int instance = new SecureRandom().nextInt(Integer.MAX_VALUE - 1) + 1;
    private volatile SqlConnection listener;
    private volatile Consumer<String> handler = payload -> { };

    public SignalBus(Pool pool) {
        this.pool = pool;
    }

    /** This instance's number: owner of its sessions, suffix of its channel. */
    public long instance() {
        return instance;
    }

    public void onNotification(Consumer<String> handler) {
        this.handler = handler;
    }

    void start(@Observes @Priority(10) StartupEvent event) {
        SqlConnection connection = pool.getConnection().await().atMost(DB_TIMEOUT);
        connection.preparedQuery("SELECT pg_advisory_lock($1, $2)").execute(Tuple.of(LIVENESS_LOCK_CLASS, instance))
                .await().atMost(DB_TIMEOUT);
        PgConnection.cast(connection).notificationHandler(notification -> handler.accept(notification.getPayload()));
        PgConnection.cast(connection).closeHandler(() -> {
            if (listener != null) {
                LOG.error("signaling bus connection lost: this instance no longer receives frames for its sessions");
                listener = null;
            }
        });
        connection.query("LISTEN signaling_" + instance).execute().await().atMost(DB_TIMEOUT);
        listener = connection;
        LOG.infof("signaling instance %d listening", instance);
    }

    void stop(@Observes ShutdownEvent event) {
        SqlConnection connection = listener;
        listener = null;
        if (connection != null) {
            connection.close().await().atMost(DB_TIMEOUT);
        }
    }

    public boolean isListening() {
        return listener != null;
    }

    /** @return NOTIFIED, STORED, ABSENT or NOT_ADMITTED (see V2__resumable_sessions.sql) */
    public Uni<String> route(SessionId session, UUID visit, UUID participant, String frame, boolean relayed) {
        return pool.preparedQuery("SELECT signal_route($1, $2, $3, $4, $5) AS outcome")
                .execute(Tuple.tuple(java.util.Arrays.asList(session == null ? null : session.value(), visit,
                        participant, frame, relayed)))
                .map(rows -> rows.iterator().next().getString("outcome"));
    }

    /** A control message to one instance (see {@link BusMessage}). */
    public Uni<Void> tell(long toInstance, String payload) {
        return pool.preparedQuery("SELECT pg_notify($1, $2)").execute(Tuple.of("signaling_" + toInstance, payload))
                .replaceWithVoid();
    }

    public Uni<Set<Long>> liveInstances() {
        return pool.preparedQuery("SELECT objid::bigint AS instance FROM pg_locks WHERE locktype = 'advisory' "
                        + "AND classid = " + LIVENESS_LOCK_CLASS + " AND objsubid = 2 AND granted")
                .execute().map(rows -> {
                    Set<Long> live = new HashSet<>();
                    rows.forEach(row -> live.add(row.getLong("instance")));
                    if (isListening()) {
                        live.add(instance());
                    }
                    return live;
                });
    }

    /** The frames kept in the database for a session, in seq order, and the last seq given out for it. */
    public record Mailbox(List<LocalSession.Numbered> frames, long lastSeq) {
    }

    /**
     * Takes (and deletes) a session's kept frames, with its last seq as it is now: a previous owner that just handed
     * the session over has raised it, so numbering goes on from there.
     */
    public Uni<Mailbox> takeMailbox(SessionId session) {
        return pool.withTransaction(connection -> connection.preparedQuery(
                        "DELETE FROM session_mailbox WHERE session_id = $1 RETURNING seq, frame")
                .execute(Tuple.of(session.value())).chain(rows -> {
                    List<LocalSession.Numbered> frames = new ArrayList<>();
                    for (Row row : rows) {
                        frames.add(new LocalSession.Numbered(row.getLong("seq"), row.getString("frame")));
                    }
                    frames.sort((a, b) -> Long.compare(a.seq(), b.seq()));
                    return connection.preparedQuery("SELECT last_seq FROM participant_session WHERE id = $1")
                            .execute(Tuple.of(session.value())).map(seqRows -> new Mailbox(frames,
                                    seqRows.iterator().hasNext() ? seqRows.iterator().next().getLong("last_seq") : 0));
                }));
    }

    /** Stores a session's unacknowledged frames (unnumbered, with their seq) for whichever instance resumes it. */
    public Uni<Void> storeMailbox(SessionId session, List<LocalSession.Numbered> frames, long lastSeq) {
        Long[] seqs = frames.stream().map(LocalSession.Numbered::seq).toArray(Long[]::new);
        String[] texts = frames.stream().map(LocalSession.Numbered::text).toArray(String[]::new);
        return pool.withTransaction(connection -> connection.preparedQuery(
                                "INSERT INTO session_mailbox (session_id, seq, frame) "
                                        + "SELECT $1, unnest($2::bigint[]), unnest($3::text[]) ON CONFLICT DO NOTHING")
                        .execute(Tuple.of(session.value(), seqs, texts))
                        .chain(() -> connection.preparedQuery(
                                        "UPDATE participant_session SET last_seq = GREATEST(last_seq, $2) WHERE id = $1")
                                .execute(Tuple.of(session.value(), lastSeq))))
                .replaceWithVoid();
    }

    /** A frame too large for a notification, by its reference. */
    public Uni<String> takeSpill(long id) {
        return pool.preparedQuery("DELETE FROM relay_spill WHERE id = $1 RETURNING frame").execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getString("frame") : null);
    }
}
