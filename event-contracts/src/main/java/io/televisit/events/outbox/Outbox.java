package io.televisit.events.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.televisit.events.CloudEvent;
import io.televisit.events.EventCodec;
import io.televisit.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Records an event in the outbox table inside the caller's transaction, so the event exists if and only if the state
 * change commits. {@link OutboxRelay} publishes it afterwards. Call it after the aggregate row was changed: that row's
 * lock then orders the events of one visit as their transactions commit.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = "INSERT INTO outbox_event (event_id, topic, event_key, event_type, payload) "
            + "VALUES (?1, ?2, ?3, ?4, ?5)";

    private final EventCodec codec;
    private final OutboxSettings settings;

    public Outbox(EventCodec codec, OutboxSettings settings) {
        this.codec = codec;
        this.settings = settings;
    }

    /**
     * @param key the visit id: Kafka key and CloudEvents subject
     * @return the event as it will be published
     */
    public Uni<CloudEvent> append(EventType type, UUID key, Object data) {
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "Outbox.append needs an active transaction (@WithTransaction or Panache.withTransaction)"))
                .chain(tx -> {
                    CloudEvent event = codec.create(type, key.toString(), data, settings.source());
                    return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                                    .setParameter(1, UUID.fromString(event.id()))
                                    .setParameter(2, type.topic().topicName())
                                    .setParameter(3, event.subject())
                                    .setParameter(4, event.type())
                                    .setParameter(5, codec.encode(event))
                                    .executeUpdate())
                            .replaceWith(event);
                });
    }
}
