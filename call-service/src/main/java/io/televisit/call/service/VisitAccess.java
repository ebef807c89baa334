package io.televisit.call.service;

import io.smallrye.mutiny.Uni;
import io.televisit.call.repository.ParticipantRepository;
import io.televisit.call.repository.VisitRepository;
import io.televisit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Loads a visit for a caller and decides what the caller may see. Admins see every visit; everyone else only the
 * visits they take part in. A visit the caller may not see is reported as not found, so its existence does not leak.
 */
@ApplicationScoped
public class VisitAccess {

    private final VisitRepository visits;
    private final ParticipantRepository participants;

    public VisitAccess(VisitRepository visits, ParticipantRepository participants) {
        this.visits = visits;
        this.participants = participants;
    }

    public Uni<VisitContext> load(Caller caller, UUID visitId, boolean forUpdate) {
        return (forUpdate ? visits.findForUpdate(visitId) : visits.findById(visitId))
                .onItem().ifNull().failWith(() -> notFound(visitId))
                .chain(visit -> participants.listByVisit(visitId).map(list -> new VisitContext(visit, list)))
                .invoke(context -> {
                    if (!(caller.isAdmin() || caller.isSystem() || context.participantOf(caller).isPresent())) {
                        throw notFound(visitId);
                    }
                });
    }

    /** Refuses an action the caller's role does not allow on a visit it can see. */
    public static void require(boolean allowed, String action) {
        if (!allowed) {
            throw ProblemException.forbidden("Your role in this visit does not allow: " + action + ".");
        }
    }

    private static ProblemException notFound(UUID visitId) {
        return ProblemException.notFound("VISIT_NOT_FOUND", "No visit " + visitId + " for this caller.");
    }
}
