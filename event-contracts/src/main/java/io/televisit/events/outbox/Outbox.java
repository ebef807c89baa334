package io.televisit.events.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.televisit.events.CloudEvent;
import io.televisit.events.EventCodec;
import io.televisit.events.EventType;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
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
    private static final String INSERT_BATCH = "INSERT INTO outbox_event (event_id, topic, event_key, event_type, "
            + "payload) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[])";

    /** An event to append: its type, key (the visit id) and data. */
    public record Entry(EventType type, UUID key, Object data) {
    }

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

    /**
     * The same for a transaction on the reactive pool, for batch paths that do not go through Hibernate (one statement
     * for all entries). {@code transaction} must be inside {@code Pool.withTransaction}.
     *
     * @return the events as they will be published, in the order of {@code entries}
     */
    public Uni<List<CloudEvent>> appendAll(SqlConnection transaction, List<Entry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<CloudEvent> events = new ArrayList<>(entries.size());
        UUID[] ids = new UUID[entries.size()];
        String[] topics = new String[entries.size()];
        String[] keys = new String[entries.size()];
        String[] types = new String[entries.size()];
        String[] payloads = new String[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            CloudEvent event = codec.create(entry.type(), entry.key().toString(), entry.data(), settings.source());
            events.add(event);
            ids[i] = UUID.fromString(event.id());
            topics[i] = entry.type().topic().topicName();
            keys[i] = event.subject();
            types[i] = event.type();
            payloads[i] = codec.encode(event);
        }
        return transaction.preparedQuery(INSERT_BATCH).execute(Tuple.of(ids, topics, keys, types, payloads))
                .replaceWith(events);
    }
}
