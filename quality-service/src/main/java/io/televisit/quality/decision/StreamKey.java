package io.televisit.quality.decision;

/** One media stream of a participant: direction (INBOUND, OUTBOUND) and kind (AUDIO, VIDEO). */
public record StreamKey(String direction, String kind) {

    public boolean audio() {
        return "AUDIO".equals(kind);
    }
}
