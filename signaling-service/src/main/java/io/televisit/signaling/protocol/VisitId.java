package io.televisit.signaling.protocol;

import java.util.UUID;

/** A visit, as named in visit access tokens and events. */
public record VisitId(UUID value) {

    public static VisitId of(String text) {
        return new VisitId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
