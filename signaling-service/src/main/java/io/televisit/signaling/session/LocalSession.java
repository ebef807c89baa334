package io.televisit.signaling.session;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.context.CleanAutoCloseable;
import io.televisit.signaling.protocol.Frames;
import io.televisit.signaling.protocol.SessionId;
import io.televisit.signaling.protocol.VisitIdentity;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A session owned by this instance. It numbers the frames sent to its participant and keeps them until the client
 * acknowledges them, so a client that reconnects gets exactly what it missed, in order. While detached (connection
 * lost, in grace) frames are numbered and kept but not sent. Numbering, keeping and writing happen under one lock, so
 * the wire order is the seq order.
 */
public final class LocalSession {

    /** A frame sent (or to send) with its number. */
    public record Numbered(long seq, String text) {
    }

    /** What a reattached connection must receive, and whether that is everything it missed. */
    public record Replay(List<Numbered> frames, boolean complete) {
    }

    private final SessionId id;
    private final VisitIdentity identity;
    /** The participant id as text, as it goes into every relayed frame's {@code from}. */
    private final String participantText;
    private final int maxUnacked;
    private final int maxUnackedChars;
    private final ArrayDeque<Numbered> unacked = new ArrayDeque<>();
    private WebSocketConnection connection;
    private long seq;
    private int unackedChars;
    private boolean released;
    /** Frames delivered while the session is being restored from its previous owner; null once restored. */
    private List<String> pending;
    private volatile boolean admitted;
    private volatile long lastHeardNanos = System.nanoTime();
    private int candidates;
    private volatile String regionHint;
    private volatile Instant credentialsExpireAt;

    public LocalSession(SessionId id, VisitIdentity identity, boolean admitted, long seq, int maxUnacked,
                        int maxUnackedChars) {
        this.id = id;
        this.identity = identity;
        this.participantText = identity.participant().toString();
        this.admitted = admitted;
        this.seq = seq;
        this.maxUnacked = maxUnacked;
        this.maxUnackedChars = maxUnackedChars;
    }

    public SessionId id() {
        return id;
    }

    public VisitIdentity identity() {
        return identity;
    }

    public String participantText() {
        return participantText;
    }

    /**
     * Numbers, keeps and (if connected) sends a frame.
     *
     * @return false if the session is no longer held here (handed over or ended): the caller routes elsewhere
     */
    public synchronized boolean deliver(String frame) {
        if (released) {
            return false;
        }
        if (pending != null) {
            pending.add(frame);
            return true;
        }
        Numbered numbered = new Numbered(++seq, Frames.numbered(frame, seq));
        unacked.addLast(numbered);
        unackedChars += numbered.text().length();
        while (unacked.size() > maxUnacked || unackedChars > maxUnackedChars) {
            // Beyond the limits the oldest is dropped: a later resume from before it is reported incomplete.
            unackedChars -= unacked.removeFirst().text().length();
        }
        if (connection != null) {
            write(connection, numbered.text());
        }
        return true;
    }

    /** A session resumed from elsewhere: it queues frames until {@link #restore} gives it its numbering. */
    public static LocalSession restoring(SessionId id, VisitIdentity identity, boolean admitted, int maxUnacked,
                                         int maxUnackedChars) {
        LocalSession session = new LocalSession(id, identity, admitted, 0, maxUnacked, maxUnackedChars);
        session.pending = new ArrayList<>();
        return session;
    }

    /**
     * Takes over the kept frames (already numbered, in order) and the numbering from {@code lastSeq}, then numbers
     * what arrived meanwhile.
     */
    public synchronized void restore(List<Numbered> kept, long lastSeq) {
        seq = lastSeq;
        for (Numbered frame : kept) {
            unacked.addLast(frame);
            unackedChars += frame.text().length();
            seq = Math.max(seq, frame.seq());
        }
        List<String> arrived = pending;
        pending = null;
        if (arrived != null) {
            arrived.forEach(this::deliver);
        }
    }

    /**
     * A new session's numbering starts with {@code first} (joined, waiting), then what arrived while it was being
     * opened: an admission that raced the join must not come before the {@code joined} it updates.
     */
    public synchronized void start(List<String> first) {
        List<String> arrived = pending;
        pending = null;
        first.forEach(this::deliver);
        if (arrived != null) {
            arrived.forEach(this::deliver);
        }
    }

    /** The client has everything up to {@code upTo}. */
    public synchronized void acknowledge(long upTo) {
        while (!unacked.isEmpty() && unacked.peekFirst().seq() <= upTo) {
            unackedChars -= unacked.removeFirst().text().length();
        }
    }

    /** Attaches a (new) connection and sends it what it has not received after {@code lastSeq}. */
    public synchronized Replay attach(WebSocketConnection newConnection, long lastSeq) {
        heard();
        acknowledge(lastSeq);
        boolean complete = lastSeq <= seq
                && (unacked.isEmpty() ? lastSeq == seq : unacked.peekFirst().seq() == lastSeq + 1);
        List<Numbered> replay = new ArrayList<>(unacked);
        connection = newConnection;
        for (Numbered frame : replay) {
            write(newConnection, frame.text());
        }
        return new Replay(replay, complete);
    }

    /** @return whether {@code candidate} was the attached connection (it is then detached) */
    public synchronized boolean detach(WebSocketConnection candidate) {
        if (connection == null || !connection.id().equals(candidate.id())) {
            return false;
        }
        connection = null;
        return true;
    }

    /** Stops holding the session here; returns the unacknowledged frames for whoever takes it over. */
    public synchronized List<Numbered> release() {
        released = true;
        List<Numbered> kept = new ArrayList<>(unacked);
        unacked.clear();
        unackedChars = 0;
        return kept;
    }

    /** Closes the connection (its close handler then detaches the session). */
    public synchronized void closeConnection(CloseReason reason) {
        if (connection != null) {
            connection.close(reason).subscribe().with(ok -> { }, failure -> { });
        }
    }

    /** Closes the attached connection, if any, as stale: a newer connection resumes the session. */
    public synchronized void replaceConnection(int code, String reason) {
        if (connection != null) {
            connection.close(new CloseReason(code, reason)).subscribe().with(ok -> { }, failure -> { });
            connection = null;
        }
    }

    /** Releases the session and closes its connection, if any. */
    public synchronized void end(int code, String reason) {
        release();
        replaceConnection(code, reason);
    }

    public synchronized boolean isConnected() {
        return connection != null && !released;
    }

    public synchronized boolean isConnection(WebSocketConnection candidate) {
        return connection != null && connection.id().equals(candidate.id());
    }

    public synchronized boolean isReleased() {
        return released;
    }

    public synchronized long seq() {
        return seq;
    }

    public boolean admitted() {
        return admitted;
    }

    /** @return whether the participant was waiting until now */
    public synchronized boolean admit() {
        boolean wasWaiting = !admitted;
        admitted = true;
        return wasWaiting;
    }

    public void heard() {
        lastHeardNanos = System.nanoTime();
    }

    public long lastHeardNanos() {
        return lastHeardNanos;
    }

    /** Counts an ICE candidate of the current negotiation; @return the count so far */
    public synchronized int countCandidate() {
        return ++candidates;
    }

    /** A new offer or answer starts a new negotiation with its own candidate budget. */
    public synchronized void newNegotiation() {
        candidates = 0;
    }

    /** The region the client asked to have first in its ICE servers (join or resume), or null. */
    public String regionHint() {
        return regionHint;
    }

    public void preferRegion(String hint) {
        if (hint != null) {
            regionHint = hint;
        }
    }

    /** When the TURN credentials last handed to this participant expire; null before any. */
    public Instant credentialsExpireAt() {
        return credentialsExpireAt;
    }

    public void credentialsIssued(Instant expiresAt) {
        credentialsExpireAt = expiresAt;
    }

    private static void write(WebSocketConnection connection, String text) {
        if (connection.isClosed()) {
            return;
        }
        // Subscribed under the session lock: Vert.x keeps writes in the order they are issued.
        try (CleanAutoCloseable none = NoThreadContexts.scope()) {
            connection.sendText(text).subscribe().with(ok -> { }, failure -> { });
        }
    }
}
