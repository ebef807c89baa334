package io.televisit.signaling.events;

import io.smallrye.mutiny.Uni;
import io.televisit.events.CloudEvent;
import io.televisit.events.EventCodec;
import io.televisit.events.EventType;
import io.televisit.events.recording.RecordingStarted;
import io.televisit.events.recording.RecordingStopped;
import io.televisit.signaling.protocol.VisitId;
import io.televisit.signaling.service.SessionService;
import io.televisit.signaling.session.LocalSession;
import io.televisit.signaling.session.LocalSessions;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;

/**
 * Everyone in a visit sees whether it is being recorded: recording-service's started/stopped events become
 * {@code recording-started} / {@code recording-stopped} frames for the sessions this instance holds (a consumer group
 * per instance). The frames are numbered and kept, so a participant in grace learns of it when it resumes.
 */
@ApplicationScoped
public class RecordingEventsConsumer {

    private final EventCodec codec;
    private final LocalSessions local;
    private final SessionService sessions;

    public RecordingEventsConsumer(EventCodec codec, LocalSessions local, SessionService sessions) {
        this.codec = codec;
        this.local = local;
        this.sessions = sessions;
    }

    @Incoming("recording-events")
    public Uni<Void> consume(String record) {
        CloudEvent event = codec.decode(record);
        EventType type = EventType.fromType(event.type()).orElse(null);
        if (type == EventType.RECORDING_STARTED) {
            RecordingStarted started = codec.data(event, RecordingStarted.class);
            tell(new VisitId(started.visitId()), "recording-started", Map.of(
                    "recordingId", started.recordingId().toString(), "startedAt", started.startedAt().toString()));
        } else if (type == EventType.RECORDING_STOPPED) {
            RecordingStopped stopped = codec.data(event, RecordingStopped.class);
            tell(new VisitId(stopped.visitId()), "recording-stopped", Map.of(
                    "recordingId", stopped.recordingId().toString(), "stoppedAt", stopped.stoppedAt().toString(),
                    "reason", stopped.reason()));
        }
        return Uni.createFrom().voidItem();
    }

    private void tell(VisitId visit, String type, Map<String, Object> payload) {
        String frame = sessions.frame(type, null, null, payload);
        for (LocalSession session : local.inVisit(visit)) {
            session.deliver(frame);
        }
    }
}
