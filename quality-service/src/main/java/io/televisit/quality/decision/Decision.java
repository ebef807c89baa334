package io.televisit.quality.decision;

import java.time.Instant;
import java.util.UUID;

/**
 * Something quality-service tells: a warning (value WARNING, CRITICAL or CLEARED), a profile recommendation (value
 * the profile) or a phone fallback (value AUDIO_BAD or MEDIA_FAILING). {@code code} says why.
 */
public record Decision(Kind kind, UUID visitId, UUID participantId, String role, Instant at, String value, String code,
                       Double audioMos) {

    public enum Kind { WARNING, PROFILE, PHONE_FALLBACK }
}
