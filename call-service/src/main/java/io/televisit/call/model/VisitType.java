package io.televisit.call.model;

public enum VisitType {
    VIDEO,
    AUDIO
}
