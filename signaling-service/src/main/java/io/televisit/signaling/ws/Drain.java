package io.televisit.signaling.ws;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.VertxContextSupport;
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
 * client to reconnect (close 1012); they resume on another instance with nothing lost. Runs when the shutdown delay
 * starts: open WebSockets count as in-flight requests, which the HTTP graceful shutdown after the delay would otherwise
 * wait for until its timeout. {@link ShutdownEvent} is the fallback, still before the database connections close.
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

    void onShutdownDelay(@Observes ShutdownDelayInitiatedEvent event) {
        drainAll();
    }

    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        drainAll();
    }

    private void drainAll() {
        draining.begin();
        int count = local.size();
        if (count == 0) {
            return;
        }
        LOG.infof("draining %d signaling sessions", count);
        try {
            // Sessions are written through Hibernate Reactive, which needs a Vert.x context: this is the shutdown thread.
            VertxContextSupport.subscribeAndAwait(() -> Multi.createFrom().iterable(local.all())
                    .onItem().transformToUni(session -> sessions.drain(session).onFailure().recoverWithItem(failure -> {
                        LOG.warnf(failure, "could not drain session %s; it resumes as an orphan", session.id());
                        return null;
                    }))
                    .merge(16).collect().last().ifNoItem().after(LIMIT).fail());
        } catch (Throwable e) {
            LOG.warn("draining did not finish; the remaining sessions are resumed as orphans", e);
        }
    }
}
