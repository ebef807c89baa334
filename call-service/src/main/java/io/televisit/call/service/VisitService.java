package io.televisit.call.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.televisit.call.audit.AuditAction;
import io.televisit.call.audit.AuditLog;
import io.televisit.call.config.CallSettings;
import io.televisit.call.events.VisitEvents;
import io.televisit.call.model.Participant;
import io.televisit.call.model.ParticipantRole;
import io.televisit.call.model.ParticipantState;
import io.televisit.call.model.Visit;
import io.televisit.call.model.VisitAction;
import io.televisit.call.model.VisitLifecycle;
import io.televisit.call.model.VisitStatus;
import io.televisit.call.repository.ParticipantRepository;
import io.televisit.call.repository.VisitRepository;
import io.televisit.problem.Problem;
import io.televisit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The visit lifecycle. Every change commits together with its event (outbox) and its audit entry; transitions of one
 * visit are serialized by a row lock, so of two concurrent answers exactly one wins.
 */
@ApplicationScoped
public class VisitService {

    private static final Duration MIN_VISIT_LENGTH = Duration.ofMinutes(1);

    private final VisitRepository visits;
    private final ParticipantRepository participants;
    private final VisitAccess access;
    private final VisitEvents events;
    private final AuditLog audit;
    private final CallSettings settings;
    private final VisitTokenIssuer tokens;

    public VisitService(VisitRepository visits, ParticipantRepository participants, VisitAccess access,
                        VisitEvents events, AuditLog audit, CallSettings settings, VisitTokenIssuer tokens) {
        this.visits = visits;
        this.participants = participants;
        this.access = access;
        this.events = events;
        this.audit = audit;
        this.settings = settings;
        this.tokens = tokens;
    }

    /** A visit access token for a participant with an account (clinicians, patients using the app). */
    @WithTransaction
    public Uni<VisitTokenIssuer.VisitAccessToken> accessToken(Caller caller, UUID visitId) {
        return access.load(caller, visitId, false).chain(context -> {
            Participant participant = context.participantOf(caller).orElseThrow(() ->
                    ProblemException.forbidden("Only the visit's participants can join it."));
            if (VisitLifecycle.isTerminal(context.visit().status)) {
                throw illegal(context.visit(), "be joined");
            }
            VisitTokenIssuer.VisitAccessToken token = tokens.issue(visitId, participant);
            return audit.append(caller.subject(), AuditAction.ACCESS_TOKEN_ISSUED, visitId,
                    Map.of("participantId", participant.id.toString())).replaceWith(token);
        });
    }

    /**
     * Creates a visit, or returns the one an earlier request with the same Idempotency-Key created. Two concurrent
     * first requests race on a unique index; the loser's transaction rolls back and it returns the winner's visit.
     */
    public Uni<Created> schedule(Caller caller, ScheduleCommand command) {
        Uni<Created> attempt = Panache.withTransaction(() -> replay(caller, command)
                .chain(found -> found != null ? Uni.createFrom().item(found)
                        : create(caller, command).map(context -> new Created(context, false))));
        if (command.idempotencyKey() == null) {
            return attempt;
        }
        return attempt.onFailure(VisitService::isIdempotencyRace)
                .recoverWithUni(() -> Panache.withSession(() -> replay(caller, command)));
    }

    private Uni<Created> replay(Caller caller, ScheduleCommand command) {
        if (command.idempotencyKey() == null) {
            return Uni.createFrom().nullItem();
        }
        return visits.findByIdempotencyKey(caller.subject(), command.idempotencyKey()).chain(existing -> {
            if (existing == null) {
                return Uni.createFrom().nullItem();
            }
            if (!existing.requestHash.equals(command.requestHash())) {
                throw ProblemException.conflict("IDEMPOTENCY_KEY_REUSED",
                        "This Idempotency-Key was used for a different request.");
            }
            return participants.listByVisit(existing.id).map(list -> new Created(new VisitContext(existing, list), true));
        });
    }

    private static boolean isIdempotencyRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("visit_idempotency")) {
                return true;
            }
        }
        return false;
    }

    public record Created(VisitContext context, boolean replayed) {
    }

    @WithTransaction
    public Uni<VisitContext> get(Caller caller, UUID visitId) {
        return access.load(caller, visitId, false)
                .call(context -> audit.append(caller.subject(), AuditAction.VISIT_READ, visitId, Map.of()));
    }

    @WithTransaction
    public Uni<VisitContext> reschedule(Caller caller, UUID visitId, Instant scheduledAt, Instant scheduledEndAt) {
        Instant start = checkedStart(scheduledAt);
        Instant end = checkedEnd(start, scheduledEndAt);
        return access.load(caller, visitId, true).call(context -> {
            VisitAccess.require(context.isClinicianOf(caller) || caller.isAdmin(), "reschedule");
            Visit visit = context.visit();
            if (visit.status != VisitStatus.SCHEDULED) {
                throw illegal(visit, "reschedule");
            }
            Instant previous = visit.scheduledAt;
            visit.scheduledAt = start;
            visit.scheduledEndAt = end;
            return events.rescheduled(visit, previous).call(() -> audit.append(caller.subject(),
                    AuditAction.VISIT_RESCHEDULED, visitId, Map.of("scheduledAt", start.toString())));
        });
    }

    /** initiate, answer, end, cancel, decline, fail: who may do what is checked here, what may follow in VisitLifecycle. */
    @WithTransaction
    public Uni<VisitContext> transition(Caller caller, UUID visitId, TransitionCommand command) {
        return access.load(caller, visitId, true).call(context -> {
            Participant actor = context.participantOf(caller).orElse(null);
            VisitAccess.require(allowed(caller, context, command.action()), command.action().name().toLowerCase());
            return apply(context, command, actor, caller.subject());
        });
    }

    /** Transitions the service makes by itself (ring timeout, presence); no caller, no role check. */
    public Uni<VisitContext> systemTransition(VisitContext context, TransitionCommand command) {
        return apply(context, command, null, Caller.SYSTEM.subject()).replaceWith(context);
    }

    /**
     * A scheduled or ringing visit is in progress once a clinician and an admitted non-clinician are connected
     * (e.g. both joined through signaling without a ring). Runs in the caller's transaction.
     */
    public Uni<VisitContext> startIfBothConnected(VisitContext context) {
        VisitStatus status = context.visit().status;
        boolean clinicianIn = context.participants().stream()
                .anyMatch(p -> p.role == ParticipantRole.CLINICIAN && p.isConnected());
        boolean patientSideIn = context.participants().stream()
                .anyMatch(p -> p.role != ParticipantRole.CLINICIAN && p.isConnected() && p.isAdmitted());
        if ((status == VisitStatus.SCHEDULED || status == VisitStatus.RINGING) && clinicianIn && patientSideIn) {
            return systemTransition(context, new TransitionCommand(VisitAction.START, null, null));
        }
        return Uni.createFrom().item(context);
    }

    @WithTransaction
    public Uni<VisitContext> admit(Caller caller, UUID visitId, UUID participantId) {
        return access.load(caller, visitId, true).call(context -> {
            VisitAccess.require(context.isClinicianOf(caller), "admit");
            if (VisitLifecycle.isTerminal(context.visit().status)) {
                throw illegal(context.visit(), "admit");
            }
            Participant participant = context.participant(participantId).orElseThrow(() ->
                    ProblemException.notFound("PARTICIPANT_NOT_FOUND", "No participant " + participantId + "."));
            if (participant.isAdmitted() || participant.state == ParticipantState.LEFT) {
                throw ProblemException.conflict("NOT_WAITING", "The participant is " + participant.state + ".");
            }
            participant.admittedAt = now();
            participant.state = participant.isConnected() ? ParticipantState.CONNECTED : ParticipantState.ADMITTED;
            return events.admitted(context.visit(), participant).call(() -> audit.append(caller.subject(),
                    AuditAction.PARTICIPANT_ADMITTED, visitId, Map.of("participantId", participantId.toString())))
                    .call(() -> startIfBothConnected(context));
        });
    }

    private Uni<Void> apply(VisitContext context, TransitionCommand command, Participant actor, String auditActor) {
        Visit visit = context.visit();
        VisitStatus from = visit.status;
        VisitStatus to = VisitLifecycle.next(from, command.action())
                .orElseThrow(() -> illegal(visit, command.action().name().toLowerCase()));
        Instant now = now();
        visit.status = to;
        switch (to) {
            case RINGING -> {
                visit.ringingAt = now;
                visit.ringDeadline = now.plus(settings.ringTimeout());
            }
            case IN_PROGRESS -> visit.startedAt = now;
            case ENDED, CANCELLED, DECLINED, MISSED, FAILED -> {
                visit.endedAt = now;
                visit.statusReason = command.reasonCode() != null ? command.reasonCode() : defaultReason(to);
                visit.failureDetail = command.detail();
            }
            case SCHEDULED -> throw new IllegalStateException("unreachable");
        }
        Map<String, String> details = Map.of("from", from.name(), "to", to.name(),
                "reasonCode", visit.statusReason == null ? "" : visit.statusReason);
        return events.statusReached(visit, actor)
                .call(() -> audit.append(auditActor, AuditAction.VISIT_STATUS_CHANGED, visit.id, details));
    }

    private static boolean allowed(Caller caller, VisitContext context, VisitAction action) {
        boolean clinician = context.isClinicianOf(caller);
        boolean participant = context.participantOf(caller).isPresent();
        return switch (action) {
            case INITIATE, END -> clinician;
            case CANCEL, FAIL -> clinician || caller.isAdmin();
            case ANSWER, DECLINE -> participant;
            case START, MISS -> false;
        };
    }

    private Uni<VisitContext> create(Caller caller, ScheduleCommand command) {
        Instant start = checkedStart(command.scheduledAt());
        Visit visit = new Visit();
        visit.id = UUID.randomUUID();
        visit.type = command.type();
        visit.status = VisitStatus.SCHEDULED;
        visit.scheduledAt = start;
        visit.scheduledEndAt = checkedEnd(start, command.scheduledEndAt());
        visit.appointmentId = command.appointmentId();
        visit.createdBy = caller.subject();
        visit.createdAt = now();
        visit.idempotencyKey = command.idempotencyKey();
        visit.requestHash = command.requestHash();
        List<Participant> invited = invitees(caller, command, visit);
        return visits.persist(visit)
                .call(() -> participants.persist(invited))
                .call(() -> events.scheduled(visit))
                .call(() -> audit.append(caller.subject(), AuditAction.VISIT_CREATED, visit.id,
                        Map.of("participants", String.valueOf(invited.size()))))
                .map(v -> new VisitContext(visit, invited));
    }

    private static List<Participant> invitees(Caller caller, ScheduleCommand command, Visit visit) {
        List<ScheduleCommand.Invitee> requested = new ArrayList<>(command.participants());
        boolean callerListed = requested.stream().anyMatch(i -> caller.subject().equals(i.subject()));
        if (caller.isClinician() && !callerListed) {
            requested.add(0, new ScheduleCommand.Invitee(ParticipantRole.CLINICIAN, caller.subject()));
        }
        if (requested.stream().noneMatch(i -> i.role() == ParticipantRole.CLINICIAN)
                || requested.stream().noneMatch(i -> i.role() == ParticipantRole.PATIENT)) {
            throw ProblemException.badRequest("PARTICIPANTS_INCOMPLETE",
                    "A visit needs at least one clinician and one patient.");
        }
        if (requested.stream().filter(i -> i.subject() != null).map(ScheduleCommand.Invitee::subject).distinct().count()
                != requested.stream().filter(i -> i.subject() != null).count()) {
            throw ProblemException.badRequest("DUPLICATE_PARTICIPANT", "A person can take part in a visit only once.");
        }
        return requested.stream().map(invitee -> {
            Participant participant = new Participant();
            participant.id = UUID.randomUUID();
            participant.visitId = visit.id;
            participant.role = invitee.role();
            participant.subject = invitee.subject();
            participant.state = ParticipantState.INVITED;
            participant.invitedAt = visit.createdAt;
            return participant;
        }).toList();
    }

    private Instant checkedStart(Instant scheduledAt) {
        Instant now = Instant.now();
        if (scheduledAt.isBefore(now.minus(settings.schedulePastTolerance()))
                || scheduledAt.isAfter(now.plus(settings.scheduleHorizon()))) {
            throw ProblemException.badRequest("SCHEDULE_OUT_OF_RANGE",
                    "scheduledAt must lie between now and " + settings.scheduleHorizon().toDays() + " days ahead.");
        }
        return scheduledAt.truncatedTo(ChronoUnit.MICROS);
    }

    private Instant checkedEnd(Instant start, Instant requestedEnd) {
        Instant end = (requestedEnd == null ? start.plus(settings.defaultVisitLength()) : requestedEnd)
                .truncatedTo(ChronoUnit.MICROS);
        if (end.isBefore(start.plus(MIN_VISIT_LENGTH)) || end.isAfter(start.plus(settings.maxVisitLength()))) {
            throw ProblemException.badRequest("SCHEDULE_OUT_OF_RANGE", "scheduledEndAt must follow scheduledAt by "
                    + "1 minute to " + settings.maxVisitLength().toHours() + " hours.");
        }
        return end;
    }

    private static String defaultReason(VisitStatus status) {
        return switch (status) {
            case ENDED -> "COMPLETED";
            case MISSED -> "RING_TIMEOUT";
            case DECLINED -> "DECLINED";
            default -> "UNSPECIFIED";
        };
    }

    static ProblemException illegal(Visit visit, String action) {
        return new ProblemException(Problem.of(409, "ILLEGAL_TRANSITION", "Conflict",
                "A " + visit.status + " visit cannot " + action + ".").with("currentStatus", visit.status.name()));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
