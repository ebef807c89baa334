package io.televisit.call.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.televisit.call.config.CallSettings;
import io.televisit.call.events.VisitEvents;
import io.televisit.call.model.Visit;
import io.televisit.call.model.VisitStatus;
import io.televisit.call.repository.VisitRepository;
import io.televisit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The visit lifecycle. Every state change and its event commit together (transactional outbox). */
@ApplicationScoped
public class VisitService {

    private final VisitRepository visits;
    private final VisitEvents events;
    private final CallSettings settings;

    public VisitService(VisitRepository visits, VisitEvents events, CallSettings settings) {
        this.visits = visits;
        this.events = events;
        this.settings = settings;
    }

    @WithTransaction
    public Uni<Visit> schedule(Caller caller, ScheduleCommand command) {
        checkScheduledTime(command.scheduledAt());
        Visit visit = new Visit();
        visit.id = UUID.randomUUID();
        visit.type = command.type();
        visit.status = VisitStatus.SCHEDULED;
        visit.scheduledAt = command.scheduledAt().truncatedTo(ChronoUnit.MICROS);
        visit.appointmentId = command.appointmentId();
        visit.createdBy = caller.subject();
        visit.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return visits.persist(visit).call(events::scheduled);
    }

    @WithSession
    public Uni<Visit> get(Caller caller, UUID visitId) {
        return findVisible(caller, visitId, false);
    }

    @WithTransaction
    public Uni<Visit> reschedule(Caller caller, UUID visitId, Instant scheduledAt) {
        checkScheduledTime(scheduledAt);
        return findVisible(caller, visitId, true).call(visit -> {
            requireStatus(visit, VisitStatus.SCHEDULED);
            Instant previous = visit.scheduledAt;
            visit.scheduledAt = scheduledAt.truncatedTo(ChronoUnit.MICROS);
            return events.rescheduled(visit, previous);
        });
    }

    @WithTransaction
    public Uni<Visit> cancel(Caller caller, UUID visitId, String reasonCode) {
        return findVisible(caller, visitId, true).call(visit -> {
            requireStatus(visit, VisitStatus.SCHEDULED);
            visit.status = VisitStatus.CANCELLED;
            visit.statusReason = reasonCode;
            return events.cancelled(visit);
        });
    }

    /** Existence of a visit the caller may not see is not revealed: both are 404. */
    private Uni<Visit> findVisible(Caller caller, UUID visitId, boolean forUpdate) {
        Uni<Visit> found = forUpdate
                ? visits.findById(visitId, LockModeType.PESSIMISTIC_WRITE)
                : visits.findById(visitId);
        return found.map(visit -> {
            if (visit == null || !(caller.isAdmin() || visit.createdBy.equals(caller.subject()))) {
                throw ProblemException.notFound("VISIT_NOT_FOUND", "No visit " + visitId + " for this caller.");
            }
            return visit;
        });
    }

    private void checkScheduledTime(Instant scheduledAt) {
        Instant now = Instant.now();
        if (scheduledAt.isBefore(now.minus(settings.schedulePastTolerance()))
                || scheduledAt.isAfter(now.plus(settings.scheduleHorizon()))) {
            throw ProblemException.badRequest("SCHEDULE_OUT_OF_RANGE",
                    "scheduledAt must lie between now and " + settings.scheduleHorizon().toDays() + " days ahead.");
        }
    }

    private static void requireStatus(Visit visit, VisitStatus expected) {
        if (visit.status != expected) {
            throw ProblemException.conflict("ILLEGAL_TRANSITION",
                    "The visit is " + visit.status + "; this action needs " + expected + ".");
        }
    }
}
