package io.televisit.quality.report;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Mean and percentiles of one measure over a participant's samples; null where there were no values. */
@RegisterForReflection
public record Distribution(Double mean, Double p05, Double p50, Double p95) {
}
