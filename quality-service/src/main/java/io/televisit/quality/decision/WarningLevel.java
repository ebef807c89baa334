package io.televisit.quality.decision;

/** The warning a participant currently has about its own connection. */
public enum WarningLevel {
    NONE, WARNING, CRITICAL
}
