package io.televisit.quality.scoring;

/** What made a sample worse than GOOD; becomes the code of warnings and profile changes. */
public enum Cause {
    NONE, PACKET_LOSS, HIGH_LATENCY, JITTER, VIDEO_FREEZES, BANDWIDTH_LIMITED
}
