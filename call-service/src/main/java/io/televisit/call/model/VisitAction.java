package io.televisit.call.model;

/** Everything that can move a visit from one status to another. */
public enum VisitAction {
    INITIATE,
    ANSWER,
    /** Participants connected without a ring (e.g. both joined a scheduled visit). */
    START,
    END,
    CANCEL,
    DECLINE,
    /** Automatic: the ring deadline passed. */
    MISS,
    FAIL
}
