package io.televisit.signaling.events;

import io.smallrye.mutiny.Uni;
import io.televisit.events.CloudEvent;
import io.televisit.events.EventCodec;
import io.televisit.events.EventType;
import io.televisit.signaling.protocol.VisitId;
import io.televisit.signaling.ws.VisitCloser;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;

/**
 * When call-service closes a visit (ended, cancelled, missed, declined, failed), every signaling instance tells its own
 * connections of that visit why and closes them. Each instance consumes with its own group (see
 * application.properties), since each holds different sockets; the effect touches no database, so no inbox is needed.
 */
@ApplicationScoped
public class VisitClosedConsumer {

    private static final Map<EventType, String> REASONS = Map.of(
            EventType.VISIT_ENDED, "VISIT_ENDED",
            EventType.VISIT_CANCELLED, "VISIT_CANCELLED",
            EventType.VISIT_MISSED, "VISIT_MISSED",
            EventType.VISIT_DECLINED, "VISIT_DECLINED",
            EventType.VISIT_FAILED, "VISIT_FAILED");

    private final EventCodec codec;
    private final VisitCloser closer;

    public VisitClosedConsumer(EventCodec codec, VisitCloser closer) {
        this.codec = codec;
        this.closer = closer;
    }

    @Incoming("visit-events")
    public Uni<Void> consume(String record) {
        CloudEvent event = codec.decode(record);
        return EventType.fromType(event.type()).map(REASONS::get)
                .map(reason -> closer.close(VisitId.of(event.subject()), reason))
                .orElseGet(() -> Uni.createFrom().voidItem());
    }
}
