package io.televisit.call.model;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every (status, action) pair: the legal ones lead where the lifecycle says, all others are refused. */
class VisitLifecycleTest {

    private static final Map<VisitStatus, Map<VisitAction, VisitStatus>> LEGAL = new EnumMap<>(VisitStatus.class);

    static {
        LEGAL.put(VisitStatus.SCHEDULED, Map.of(VisitAction.INITIATE, VisitStatus.RINGING,
                VisitAction.START, VisitStatus.IN_PROGRESS, VisitAction.CANCEL, VisitStatus.CANCELLED,
                VisitAction.FAIL, VisitStatus.FAILED));
        LEGAL.put(VisitStatus.RINGING, Map.of(VisitAction.ANSWER, VisitStatus.IN_PROGRESS,
                VisitAction.START, VisitStatus.IN_PROGRESS, VisitAction.DECLINE, VisitStatus.DECLINED,
                VisitAction.MISS, VisitStatus.MISSED, VisitAction.CANCEL, VisitStatus.CANCELLED,
                VisitAction.FAIL, VisitStatus.FAILED));
        LEGAL.put(VisitStatus.IN_PROGRESS, Map.of(VisitAction.END, VisitStatus.ENDED,
                VisitAction.FAIL, VisitStatus.FAILED));
    }

    @Test
    void everyPairIsEitherTheListedTransitionOrRefused() {
        int legal = 0;
        int illegal = 0;
        for (VisitStatus status : VisitStatus.values()) {
            for (VisitAction action : VisitAction.values()) {
                Optional<VisitStatus> expected = Optional.ofNullable(LEGAL.getOrDefault(status, Map.of()).get(action));
                assertEquals(expected, VisitLifecycle.next(status, action), status + " + " + action);
                if (expected.isPresent()) {
                    legal++;
                } else {
                    illegal++;
                }
            }
        }
        assertEquals(12, legal);
        assertEquals(VisitStatus.values().length * VisitAction.values().length - 12, illegal);
    }

    @Test
    void terminalStatusesAllowNothing() {
        for (VisitStatus status : new VisitStatus[]{VisitStatus.ENDED, VisitStatus.CANCELLED, VisitStatus.DECLINED,
                VisitStatus.MISSED, VisitStatus.FAILED}) {
            assertTrue(VisitLifecycle.isTerminal(status), status.name());
        }
    }
}
