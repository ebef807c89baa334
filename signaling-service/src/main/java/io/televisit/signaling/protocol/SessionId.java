package io.televisit.signaling.protocol;

import java.util.UUID;

/** One participant's signaling session: survives dropped connections until it is left or its grace expires. */
public record SessionId(UUID value) {

    public static SessionId of(String text) {
        return new SessionId(UUID.fromString(text));
    }

    public static SessionId random() {
        return new SessionId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
