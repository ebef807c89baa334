package io.televisit.call.service;

import io.televisit.call.model.VisitAction;

/** A request to move a visit on: the action, and for cancel/decline/fail/end a reason code and optional detail. */
public record TransitionCommand(VisitAction action, String reasonCode, String detail) {

    public static TransitionCommand of(VisitAction action) {
        return new TransitionCommand(action, null, null);
    }
}
