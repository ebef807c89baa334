package io.televisit.quality.events;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.televisit.events.CloudEvent;
import io.televisit.events.EventCodec;
import io.televisit.events.EventType;
import io.televisit.events.inbox.EventHandler;
import io.televisit.events.inbox.Inbox;
import io.televisit.events.outbox.Outbox;
import io.televisit.events.presence.ParticipantConnected;
import io.televisit.events.presence.ParticipantDisconnected;
import io.televisit.events.presence.ParticipantLeft;
import io.televisit.events.presence.ParticipantReconnected;
import io.televisit.events.quality.PhoneFallbackRecommended;
import io.televisit.quality.config.QualitySettings;
import io.televisit.quality.ingest.TrackerCache;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Presence from signaling-service: disconnects and reconnects per participant for the report, and the phone
 * fallback when a participant's media keeps failing (the configured number of disconnects within the window).
 */
@ApplicationScoped
public class PresenceConsumer {

    static final String CONSUMER = "quality-service.presence";
    private static final String RECORD = "INSERT INTO presence_change (event_id, visit_id, participant_id, role, at, "
            + "change) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING";
    private static final String RECENT_DISCONNECTS = "SELECT count(*) FROM presence_change WHERE visit_id = ?1 "
            + "AND participant_id = ?2 AND change = 'DISCONNECTED' AND at > ?3";
    private static final String FALLBACK = "INSERT INTO quality_decision (decision_id, visit_id, participant_id, role, "
            + "at, kind, value, code) VALUES (?1, ?2, ?3, ?4, ?5, 'PHONE_FALLBACK', 'MEDIA_FAILING', 'MEDIA_FAILING') "
            + "ON CONFLICT DO NOTHING";
    private static final String MARK = "UPDATE participant_quality SET fallback_at = coalesce(fallback_at, ?3) "
            + "WHERE visit_id = ?1 AND participant_id = ?2";

    private final Inbox inbox;
    private final Outbox outbox;
    private final TrackerCache cache;
    private final QualitySettings.Fallback fallback;
    private final Map<EventType, EventHandler> handlers;

    public PresenceConsumer(Inbox inbox, EventCodec codec, Outbox outbox, TrackerCache cache,
                            QualitySettings settings) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.cache = cache;
        this.fallback = settings.fallback();
        this.handlers = Map.of(
                EventType.PARTICIPANT_CONNECTED, event -> {
                    ParticipantConnected d = codec.data(event, ParticipantConnected.class);
                    return record(event, d.visitId(), d.participantId(), d.role(), d.at(), "CONNECTED");
                },
                EventType.PARTICIPANT_RECONNECTED, event -> {
                    ParticipantReconnected d = codec.data(event, ParticipantReconnected.class);
                    return record(event, d.visitId(), d.participantId(), d.role(), d.at(), "RECONNECTED");
                },
                EventType.PARTICIPANT_LEFT, event -> {
                    ParticipantLeft d = codec.data(event, ParticipantLeft.class);
                    return record(event, d.visitId(), d.participantId(), d.role(), d.at(), "LEFT");
                },
                EventType.PARTICIPANT_DISCONNECTED, event -> {
                    ParticipantDisconnected d = codec.data(event, ParticipantDisconnected.class);
                    return record(event, d.visitId(), d.participantId(), d.role(), d.at(), "DISCONNECTED")
                            .chain(() -> fallbackIfFailing(d));
                });
    }

    @Incoming("presence")
    public Uni<Void> consume(String record) {
        return inbox.consume(CONSUMER, record, handlers);
    }

    private Uni<Void> record(CloudEvent event, UUID visit, UUID participant, String role, Instant at, String change) {
        return Panache.getSession().chain(s -> s.createNativeQuery(RECORD).setParameter(1, event.id())
                .setParameter(2, visit).setParameter(3, participant).setParameter(4, role).setParameter(5, at)
                .setParameter(6, change).executeUpdate()).replaceWithVoid();
    }

    private Uni<Void> fallbackIfFailing(ParticipantDisconnected d) {
        return Panache.getSession().chain(s -> s.createNativeQuery(RECENT_DISCONNECTS, Long.class)
                .setParameter(1, d.visitId()).setParameter(2, d.participantId())
                .setParameter(3, d.at().minus(fallback.disconnectWindow())).getSingleResult()
                .chain(count -> count < fallback.disconnects() ? Uni.createFrom().voidItem()
                        : s.createNativeQuery(FALLBACK).setParameter(1, UUID.randomUUID())
                        .setParameter(2, d.visitId()).setParameter(3, d.participantId()).setParameter(4, d.role())
                        .setParameter(5, d.at()).executeUpdate()
                        .chain(inserted -> inserted == 0 ? Uni.createFrom().voidItem()
                                : s.createNativeQuery(MARK).setParameter(1, d.visitId())
                                .setParameter(2, d.participantId()).setParameter(3, d.at()).executeUpdate()
                                .chain(() -> outbox.append(EventType.PHONE_FALLBACK_RECOMMENDED, d.visitId(),
                                        new PhoneFallbackRecommended(d.visitId(), d.participantId(), d.role(),
                                                d.at(), "MEDIA_FAILING", null)))
                                // The samples path must see the fallback: rebuild its trackers from the database.
                                .invoke(() -> cache.evict(d.visitId()))
                                .replaceWithVoid())));
    }
}
