package io.televisit.quality.scoring;

/**
 * One sample's score: the audio MOS (audio streams) or video score (video streams with a resolution), its level, and
 * what limited it.
 */
public record SampleScore(Double audioMos, Double videoScore, Level level, Cause cause) {
}
