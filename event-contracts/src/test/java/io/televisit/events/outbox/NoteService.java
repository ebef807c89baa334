package io.televisit.events.outbox;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.televisit.events.EventType;
import io.televisit.events.visit.VisitRescheduled;
import io.televisit.events.visit.VisitScheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.UUID;

/** Changes the test aggregate and records an event in one transaction, like a real service does. */
@ApplicationScoped
public class NoteService {

    private final Outbox outbox;

    public NoteService(Outbox outbox) {
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<Void> create(UUID id, boolean failAfterAppend) {
        Note note = new Note();
        note.id = id;
        return note.persist()
                .chain(() -> outbox.append(EventType.VISIT_SCHEDULED, id,
                        new VisitScheduled(id, "VIDEO", Instant.parse("2030-01-01T10:00:00Z"), null)))
                .invoke(() -> {
                    if (failAfterAppend) {
                        throw new IllegalStateException("simulated failure after the event was appended");
                    }
                })
                .replaceWithVoid();
    }

    /** Bumps the counter under a row lock and records the new value as the event's time, so order is checkable. */
    @WithTransaction
    public Uni<Void> bump(UUID id) {
        return Note.<Note>findById(id, LockModeType.PESSIMISTIC_WRITE).chain(note -> {
            note.counter++;
            Instant previous = Instant.ofEpochSecond(note.counter - 1L);
            return outbox.append(EventType.VISIT_RESCHEDULED, id,
                    new VisitRescheduled(id, previous, Instant.ofEpochSecond(note.counter)));
        }).replaceWithVoid();
    }
}
