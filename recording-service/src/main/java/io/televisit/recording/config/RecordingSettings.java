package io.televisit.recording.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.NotBlank;

import java.time.Duration;

/** {@code televisit.recording.*} */
@ConfigMapping(prefix = "televisit.recording")
public interface RecordingSettings {

    /** Bucket holding recordings; in production it has Object Lock enabled. */
    @NotBlank
    String bucket();

    /** How long a recording is retained (and locked) after the visit. */
    @WithDefault("P2557D")
    Duration retention();
}
