package io.televisit.quality.ingest;

import io.televisit.events.EventType;
import io.televisit.events.outbox.Outbox;
import io.televisit.events.quality.PhoneFallbackRecommended;
import io.televisit.events.quality.QualityProfileRecommended;
import io.televisit.events.quality.QualityWarningIssued;
import io.televisit.quality.config.QualitySettings;
import io.televisit.quality.decision.Decision;
import io.televisit.quality.decision.Profile;
import jakarta.inject.Singleton;

/** A decision as the event the outbox publishes on the quality-decisions topic. */
@Singleton
public class DecisionEvents {

    private final QualitySettings.Profiles profiles;

    public DecisionEvents(QualitySettings settings) {
        this.profiles = settings.profiles();
    }

    public Outbox.Entry toEvent(Decision d) {
        return switch (d.kind()) {
            case WARNING -> new Outbox.Entry(EventType.QUALITY_WARNING_ISSUED, d.visitId(),
                    new QualityWarningIssued(d.visitId(), d.participantId(), d.at(), d.value(), d.code()));
            case PROFILE -> new Outbox.Entry(EventType.QUALITY_PROFILE_RECOMMENDED, d.visitId(),
                    new QualityProfileRecommended(d.visitId(), d.participantId(), d.at(), d.value(), d.code(),
                            maxBitrate(Profile.valueOf(d.value()))));
            case PHONE_FALLBACK -> new Outbox.Entry(EventType.PHONE_FALLBACK_RECOMMENDED, d.visitId(),
                    new PhoneFallbackRecommended(d.visitId(), d.participantId(), d.role(), d.at(), d.value(),
                            d.audioMos()));
        };
    }

    /** The video sender's cap; none for audio-only (video is off). */
    private Long maxBitrate(Profile profile) {
        return switch (profile) {
            case HIGH -> profiles.highKbps();
            case MEDIUM -> profiles.mediumKbps();
            case LOW -> profiles.lowKbps();
            case AUDIO_ONLY -> null;
        };
    }
}
