package io.televisit.signaling.model;

public enum SessionState {
    CONNECTED,
    RECONNECTING,
    LEFT
}
