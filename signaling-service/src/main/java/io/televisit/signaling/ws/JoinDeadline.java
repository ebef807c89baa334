package io.televisit.signaling.ws;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import io.televisit.signaling.config.SignalingSettings;
import io.televisit.signaling.protocol.CloseCodes;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/**
 * A connection that passed the upgrade but never joined or resumed holds a socket and nothing else; it is closed once
 * it is older than {@code televisit.signaling.heartbeat.join-timeout}. Joined connections are covered by the idle timeout.
 */
@ApplicationScoped
public class JoinDeadline {

    private final OpenConnections connections;
    private final Duration limit;

    public JoinDeadline(OpenConnections connections, SignalingSettings settings) {
        this.connections = connections;
        this.limit = settings.heartbeat().joinTimeout();
    }

    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void closeConnectionsThatNeverJoined() {
        Instant joinedBy = Instant.now().minus(limit);
        for (WebSocketConnection connection : connections) {
            ConnectionState state = connection.userData().get(ConnectionState.KEY);
            if ((state == null || state.session() == null)
                    && connection.creationTime().isBefore(joinedBy)) {
                connection.close(new CloseReason(CloseCodes.JOIN_TIMEOUT, "no join or resume in time"))
                        .subscribe().with(ok -> { }, failure -> { });
            }
        }
    }
}
