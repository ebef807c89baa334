package io.televisit.quality.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code televisit.quality.*} */
@ConfigMapping(prefix = "televisit.quality")
public interface QualitySettings {

    /** Raw samples are kept this long, then downsampled; reports are kept. */
    @WithDefault("P7D")
    Duration rawSampleRetention();
}
