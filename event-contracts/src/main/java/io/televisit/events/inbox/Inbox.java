package io.televisit.events.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.televisit.events.CloudEvent;
import io.televisit.events.EventCodec;
import io.televisit.events.EventType;
import io.televisit.events.InvalidEventException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Map;

/**
 * The consuming side of exactly-once effects over at-least-once delivery: the event id is recorded in the consumer's
 * own database in the same transaction as the handler's effect, so a redelivered event changes nothing.
 *
 * <p>Invalid records fail at once (the channel's dead-letter strategy takes them); transient failures are retried with
 * back-off before they are dead-lettered, so a short database outage loses and skips nothing.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final String CLAIM = "INSERT INTO processed_event (consumer, event_id, event_type) "
            + "VALUES (?1, ?2, ?3) ON CONFLICT (consumer, event_id) DO NOTHING";

    private final EventCodec codec;
    private final InboxSettings settings;
    private final MeterRegistry registry;

    public Inbox(EventCodec codec, InboxSettings settings, MeterRegistry registry) {
        this.codec = codec;
        this.settings = settings;
        this.registry = registry;
    }

    /**
     * Decodes {@code record} and applies the handler registered for its type, once per {@code consumer}.
     * Types without a handler are acknowledged and ignored (topics carry more types than one consumer needs).
     */
    public Uni<Void> consume(String consumer, String record, Map<EventType, EventHandler> handlers) {
        return Uni.createFrom().item(() -> codec.decode(record))
                .onFailure(InvalidEventException.class).invoke(e -> count(consumer, "invalid"))
                .chain(event -> EventType.fromType(event.type())
                        .map(handlers::get)
                        .map(handler -> applyOnce(consumer, event, handler))
                        .orElseGet(() -> Uni.createFrom().voidItem()));
    }

    private Uni<Void> applyOnce(String consumer, CloudEvent event, EventHandler handler) {
        return Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(CLAIM)
                                .setParameter(1, consumer)
                                .setParameter(2, event.id())
                                .setParameter(3, event.type())
                                .executeUpdate())
                        .chain(claimed -> {
                            if (claimed == 0) {
                                count(consumer, "duplicate");
                                return Uni.createFrom().voidItem();
                            }
                            return handler.apply(event).invoke(() -> count(consumer, "applied"));
                        }))
                .onFailure(e -> !(e instanceof InvalidEventException))
                .invoke(e -> LOG.warnf("%s: %s of event %s failed, retrying: %s", consumer, event.type(), event.id(),
                        e.getClass().getSimpleName()))
                .onFailure(e -> !(e instanceof InvalidEventException))
                .retry().withBackOff(settings.initialBackoff(), settings.maxBackoff()).atMost(settings.maxRetries());
    }

    private void count(String consumer, String outcome) {
        registry.counter("televisit.inbox.events", "consumer", consumer, "outcome", outcome).increment();
    }
}
