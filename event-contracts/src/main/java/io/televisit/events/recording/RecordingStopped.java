package io.televisit.events.recording;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/**
 * recording-service stopped recording a visit; {@code reason}: STOPPED, CONSENT_WITHDRAWN, VISIT_ENDED or FAILED.
 * Schema: {@code recording.stopped.v1.json}.
 */
@RegisterForReflection
public record RecordingStopped(UUID visitId, UUID recordingId, Instant stoppedAt, String reason) {
}
