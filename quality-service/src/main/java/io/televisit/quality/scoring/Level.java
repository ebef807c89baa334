package io.televisit.quality.scoring;

/** Quality levels, best first. */
public enum Level {
    GOOD, FAIR, POOR, BAD;

    public Level worse(Level other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }

    public boolean atLeastAsBadAs(Level other) {
        return ordinal() >= other.ordinal();
    }
}
