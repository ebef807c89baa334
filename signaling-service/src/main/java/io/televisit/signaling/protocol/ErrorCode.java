package io.televisit.signaling.protocol;

/** Codes of {@code error} frames; stable, documented in docs/signaling-protocol.md. */
public enum ErrorCode {
    MALFORMED_MESSAGE,
    UNKNOWN_TYPE,
    INVALID_PAYLOAD,
    NOT_JOINED,
    ALREADY_JOINED,
    RESUME_REQUIRED,
    NOT_RESUMABLE,
    SESSION_ENDED,
    MISSING_TARGET,
    PARTICIPANT_NOT_CONNECTED,
    NOT_ADMITTED,
    SDP_TOO_LARGE,
    TOO_MANY_CANDIDATES,
    RATE_LIMITED,
    INTERNAL
}
