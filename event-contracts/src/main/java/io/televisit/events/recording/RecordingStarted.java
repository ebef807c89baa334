package io.televisit.events.recording;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/** recording-service started recording a visit (consent given). Schema: {@code recording.started.v1.json}. */
@RegisterForReflection
public record RecordingStarted(UUID visitId, UUID recordingId, Instant startedAt) {
}
