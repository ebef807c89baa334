package io.televisit.quality.events;

import io.smallrye.mutiny.Uni;
import io.televisit.events.EventCodec;
import io.televisit.events.EventType;
import io.televisit.events.inbox.EventHandler;
import io.televisit.events.inbox.Inbox;
import io.televisit.events.visit.VisitEnded;
import io.televisit.events.visit.VisitFailed;
import io.televisit.quality.ingest.TrackerCache;
import io.televisit.quality.service.QualityReportService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;

/** A visit that ended or failed gets its final quality report, and its trackers leave the cache. */
@ApplicationScoped
public class VisitEventsConsumer {

    static final String CONSUMER = "quality-service.visits";

    private final Inbox inbox;
    private final Map<EventType, EventHandler> handlers;

    public VisitEventsConsumer(Inbox inbox, EventCodec codec, QualityReportService reports, TrackerCache cache) {
        this.inbox = inbox;
        this.handlers = Map.of(
                EventType.VISIT_ENDED, event -> {
                    VisitEnded ended = codec.data(event, VisitEnded.class);
                    return reports.finish(ended.visitId(), ended.endedAt(), "ENDED")
                            .invoke(() -> cache.evict(ended.visitId()));
                },
                EventType.VISIT_FAILED, event -> {
                    VisitFailed failed = codec.data(event, VisitFailed.class);
                    return reports.finish(failed.visitId(), failed.failedAt(), "FAILED")
                            .invoke(() -> cache.evict(failed.visitId()));
                });
    }

    @Incoming("visit-events")
    public Uni<Void> consume(String record) {
        return inbox.consume(CONSUMER, record, handlers);
    }
}
