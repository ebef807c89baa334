package io.televisit.signaling.service;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.websockets.next.CloseReason;
import io.smallrye.mutiny.Uni;
import io.televisit.signaling.config.SignalingSettings;
import io.televisit.signaling.protocol.CloseCodes;
import io.televisit.signaling.session.LocalSession;
import io.televisit.signaling.session.LocalSessions;
import io.televisit.signaling.session.SessionStore;
import io.televisit.signaling.session.SignalBus;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Timers that must hold whatever instance dies: every instance runs them against the database (rows are claimed with
 * SKIP LOCKED), so grace periods end and sessions of a dead instance are noticed even if their owner is gone.
 */
@ApplicationScoped
public class SessionSweeper {

    private static final int BATCH = 100;

    private final SessionStore store;
    private final SessionService sessions;
    private final SignalBus bus;
    private final LocalSessions local;
    private final SignalingSettings settings;

    public SessionSweeper(SessionStore store, SessionService sessions, SignalBus bus, LocalSessions local,
                          SignalingSettings settings) {
        this.store = store;
        this.sessions = sessions;
        this.bus = bus;
        this.local = local;
        this.settings = settings;
    }

    @Scheduled(every = "${televisit.signaling.sweep-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> sweep() {
        return bus.liveInstances()
                .chain(live -> store.orphan(live, sessions::grace, BATCH))
                .chain(sessions::orphaned)
                .chain(() -> store.expireGrace(BATCH))
                .chain(sessions::graceExpired);
    }

    @Scheduled(every = "${televisit.signaling.turn.refresh-check-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refreshIceCredentials() {
        sessions.refreshIceCredentials(Instant.now());
    }

    /** Kept frames of ended sessions and spilled frames of a dead instance are never claimed: deleted here. */
    @Scheduled(every = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> deleteUnclaimedFrames() {
        return store.deleteUnclaimedFrames();
    }

    /** A connection silent for longer than the idle timeout is closed; its session then waits in grace. */
    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void closeIdle() {
        long limit = settings.heartbeat().idleTimeout().toNanos();
        long now = System.nanoTime();
        for (LocalSession session : local.all()) {
            if (session.isConnected() && now - session.lastHeardNanos() > limit) {
                session.closeConnection(new CloseReason(CloseCodes.IDLE_TIMEOUT, "idle timeout"));
            }
        }
    }
}
