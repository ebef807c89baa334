package io.televisit.events.inbox;

import io.smallrye.mutiny.Uni;
import io.televisit.events.CloudEvent;

/** The effect of one event in a consumer. It runs inside the inbox transaction and must not commit on its own. */
@FunctionalInterface
public interface EventHandler {
    Uni<Void> apply(CloudEvent event);
}
