package io.televisit.signaling.protocol;

/** Codes of {@code error} frames; stable, documented in docs/signaling-protocol.md. */
public enum ErrorCode {
    MALFORMED_MESSAGE,
    UNKNOWN_TYPE,
    NOT_JOINED,
    ALREADY_JOINED,
    MISSING_TARGET,
    PARTICIPANT_NOT_CONNECTED,
    RATE_LIMITED
}
