package io.televisit.call.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.televisit.call.model.VisitAction;
import io.televisit.call.model.Visit;
import io.televisit.call.model.VisitStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.LockMode;

import java.time.Instant;
import java.util.List;

/**
 * Turns ringing visits whose deadline passed into MISSED. Replicas share the work: each sweep locks the rows it takes
 * with SKIP LOCKED, so no visit is missed twice and no replica waits for another.
 */
@ApplicationScoped
public class RingTimeouts {

    private static final String DUE = "from Visit where status = :ringing and ringDeadline < :now order by ringDeadline";

    private final VisitAccess access;
    private final VisitService lifecycle;

    public RingTimeouts(VisitAccess access, VisitService lifecycle) {
        this.access = access;
        this.lifecycle = lifecycle;
    }

    @Scheduled(every = "${televisit.call.ring-sweep-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> sweep() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createSelectionQuery(DUE, Visit.class)
                .setParameter("ringing", VisitStatus.RINGING).setParameter("now", Instant.now())
                .setMaxResults(100).setLockMode(LockMode.UPGRADE_SKIPLOCKED)
                .getResultList())
                .chain(this::missAll));
    }

    private Uni<Void> missAll(List<Visit> due) {
        return Multi.createFrom().iterable(due)
                .onItem().transformToUniAndConcatenate(visit -> access.load(Caller.SYSTEM, visit.id, true)
                        .chain(context -> lifecycle.systemTransition(context, TransitionCommand.of(VisitAction.MISS))))
                .collect().last().replaceWithVoid();
    }
}
