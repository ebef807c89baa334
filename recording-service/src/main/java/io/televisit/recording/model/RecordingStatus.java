package io.televisit.recording.model;

public enum RecordingStatus {
    RECORDING,
    STORED,
    FAILED,
    EXPIRED
}
