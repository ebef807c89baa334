package io.televisit.quality.decision;

/** Media profiles a sender is told to use, best first: HIGH 720p, MEDIUM 480p/360p, LOW, AUDIO_ONLY. */
public enum Profile {
    HIGH, MEDIUM, LOW, AUDIO_ONLY;

    public boolean worseThan(Profile other) {
        return ordinal() > other.ordinal();
    }

    /** One step up: recovery never jumps. */
    public Profile oneBetter() {
        return this == HIGH ? HIGH : values()[ordinal() - 1];
    }
}
