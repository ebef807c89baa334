package io.televisit.call.model;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static io.televisit.call.model.VisitAction.ANSWER;
import static io.televisit.call.model.VisitAction.CANCEL;
import static io.televisit.call.model.VisitAction.DECLINE;
import static io.televisit.call.model.VisitAction.END;
import static io.televisit.call.model.VisitAction.FAIL;
import static io.televisit.call.model.VisitAction.INITIATE;
import static io.televisit.call.model.VisitAction.MISS;
import static io.televisit.call.model.VisitAction.START;
import static io.televisit.call.model.VisitStatus.CANCELLED;
import static io.televisit.call.model.VisitStatus.DECLINED;
import static io.televisit.call.model.VisitStatus.ENDED;
import static io.televisit.call.model.VisitStatus.FAILED;
import static io.televisit.call.model.VisitStatus.IN_PROGRESS;
import static io.televisit.call.model.VisitStatus.MISSED;
import static io.televisit.call.model.VisitStatus.RINGING;
import static io.televisit.call.model.VisitStatus.SCHEDULED;

/**
 * The one place that says which transitions exist. Anything not listed is illegal; ENDED, CANCELLED, DECLINED, MISSED
 * and FAILED are terminal.
 */
public final class VisitLifecycle {

    private static final Map<VisitStatus, Map<VisitAction, VisitStatus>> TRANSITIONS = new EnumMap<>(VisitStatus.class);

    static {
        allow(SCHEDULED, INITIATE, RINGING);
        allow(SCHEDULED, START, IN_PROGRESS);
        allow(SCHEDULED, CANCEL, CANCELLED);
        allow(SCHEDULED, FAIL, FAILED);
        allow(RINGING, ANSWER, IN_PROGRESS);
        allow(RINGING, START, IN_PROGRESS);
        allow(RINGING, DECLINE, DECLINED);
        allow(RINGING, MISS, MISSED);
        allow(RINGING, CANCEL, CANCELLED);
        allow(RINGING, FAIL, FAILED);
        allow(IN_PROGRESS, END, ENDED);
        allow(IN_PROGRESS, FAIL, FAILED);
    }

    private VisitLifecycle() {
    }

    /** The status {@code action} leads to from {@code current}, or empty when the transition is illegal. */
    public static Optional<VisitStatus> next(VisitStatus current, VisitAction action) {
        return Optional.ofNullable(TRANSITIONS.getOrDefault(current, Map.of()).get(action));
    }

    public static boolean isTerminal(VisitStatus status) {
        return TRANSITIONS.getOrDefault(status, Map.of()).isEmpty();
    }

    private static void allow(VisitStatus from, VisitAction action, VisitStatus to) {
        TRANSITIONS.computeIfAbsent(from, s -> new EnumMap<>(VisitAction.class)).put(action, to);
    }
}
