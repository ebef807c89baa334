package io.televisit.signaling.ws;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.televisit.signaling.service.SessionService;
import io.televisit.signaling.session.LocalSessions;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Graceful shutdown (SIGTERM): refuse new connections, write every session held here to the database, tell each
 * client to reconnect (close 1012); they resume on another instance with nothing lost. Runs before the database
 * connections close.
 */
@ApplicationScoped
public class Drain {

    private static final Logger LOG = Logger.getLogger(Drain.class);
    private static final Duration LIMIT = Duration.ofSeconds(20);

    private final Draining draining;
    private final LocalSessions local;
    private final SessionService sessions;

    public Drain(Draining draining, LocalSessions local, SessionService sessions) {
        this.draining = draining;
        this.local = local;
        this.sessions = sessions;
    }

    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        draining.begin();
        int count = local.size();
        if (count == 0) {
            return;
        }
        LOG.infof("draining %d signaling sessions", count);
        try {
            Multi.createFrom().iterable(local.all())
                    .onItem().transformToUni(session -> sessions.drain(session).onFailure().recoverWithNull())
                    .merge(16).collect().last().await().atMost(LIMIT);
        } catch (RuntimeException e) {
            LOG.warn("draining did not finish; the remaining sessions are resumed as orphans", e);
        }
    }
}
