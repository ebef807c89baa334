package io.televisit.call.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.televisit.call.model.VisitAction;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/**
 * Turns ringing visits whose deadline passed into MISSED. Replicas share the work: each sweep locks the rows it takes
 * with SKIP LOCKED, so no visit is missed twice and no replica waits for another.
 */
@ApplicationScoped
public class RingTimeouts {

    private static final String DUE = "SELECT CAST(id AS text) FROM visit WHERE status = 'RINGING' AND ring_deadline < now() "
            + "ORDER BY ring_deadline LIMIT 100 FOR UPDATE SKIP LOCKED";

    private final VisitAccess access;
    private final VisitService visits;

    public RingTimeouts(VisitAccess access, VisitService visits) {
        this.access = access;
        this.visits = visits;
    }

    @Scheduled(every = "${televisit.call.ring-sweep-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(DUE, String.class).getResultList())
                .chain(this::missAll));
    }

    private Uni<Void> missAll(List<String> due) {
        return Multi.createFrom().iterable(due)
                .onItem().transformToUniAndConcatenate(id -> access.load(Caller.SYSTEM, UUID.fromString(id), true)
                        .chain(context -> visits.systemTransition(context, TransitionCommand.of(VisitAction.MISS))))
                .collect().last().replaceWithVoid();
    }
}
