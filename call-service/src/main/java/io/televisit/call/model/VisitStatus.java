package io.televisit.call.model;

/** Where a visit is in its life. Transitions are decided in one place: {@code VisitService}. */
public enum VisitStatus {
    SCHEDULED,
    RINGING,
    IN_PROGRESS,
    ENDED,
    CANCELLED,
    DECLINED,
    MISSED,
    FAILED
}
