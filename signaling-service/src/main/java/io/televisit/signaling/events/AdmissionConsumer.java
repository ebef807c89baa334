package io.televisit.signaling.events;

import io.smallrye.mutiny.Uni;
import io.televisit.events.CloudEvent;
import io.televisit.events.EventCodec;
import io.televisit.events.EventType;
import io.televisit.events.visit.ParticipantAdmitted;
import io.televisit.signaling.session.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Records admissions in the database with one shared consumer group and committed offsets, so none is missed while
 * no instance runs (the per-instance consumers start from the latest offset). Recording is idempotent.
 */
@ApplicationScoped
public class AdmissionConsumer {

    private final EventCodec codec;
    private final SessionStore store;

    public AdmissionConsumer(EventCodec codec, SessionStore store) {
        this.codec = codec;
        this.store = store;
    }

    @Incoming("admissions")
    public Uni<Void> consume(String record) {
        CloudEvent event = codec.decode(record);
        if (EventType.fromType(event.type()).orElse(null) != EventType.PARTICIPANT_ADMITTED) {
            return Uni.createFrom().voidItem();
        }
        ParticipantAdmitted admitted = codec.data(event, ParticipantAdmitted.class);
        return store.admit(admitted.visitId(), admitted.participantId(), admitted.admittedAt()).replaceWithVoid();
    }
}
