package io.televisit.recording.rest;

import io.televisit.recording.model.Recording;
import io.televisit.recording.model.RecordingStatus;

import java.time.Instant;
import java.util.UUID;

/** What a client sees of a recording; the storage key stays internal (downloads go through pre-signed URLs). */
public record RecordingView(UUID id, UUID visitId, RecordingStatus status, Instant startedAt, Instant retainUntil) {

    public static RecordingView of(Recording recording) {
        return new RecordingView(recording.id, recording.visitId, recording.status, recording.startedAt,
                recording.retainUntil);
    }
}
