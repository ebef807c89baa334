package io.televisit.signaling.protocol;

import java.util.UUID;

/** A participant of one visit (call-service's participant id), the address of relayed messages. */
public record ParticipantId(UUID value) {

    public static ParticipantId of(String text) {
        return new ParticipantId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
