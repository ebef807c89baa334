package io.televisit.call.model;

public enum ParticipantState {
    INVITED,
    WAITING,
    ADMITTED,
    CONNECTED,
    DISCONNECTED,
    LEFT
}
