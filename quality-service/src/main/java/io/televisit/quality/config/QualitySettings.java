package io.televisit.quality.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code televisit.quality.*}: scoring, decisions and retention. Defaults are documented in docs/quality-scoring.md. */
@ConfigMapping(prefix = "televisit.quality")
public interface QualitySettings {

    /** Raw samples are kept this long, then downsampled to one row per stream and minute; reports are kept. */
    @WithDefault("P7D")
    Duration rawSampleRetention();

    /** Sliding window of each stream's samples (by measurement time) that its level is taken from. */
    @WithDefault("PT10S")
    Duration window();

    /** A stream takes part in decisions once its window holds this many samples: no decision on one sample. */
    @WithDefault("3")
    int minSamples();

    /** A better profile (or a lower warning) must be justified this long before it is taken: up slowly, one step at a time. */
    @WithDefault("PT20S")
    Duration upgradeHold();

    Audio audio();

    Network network();

    Fallback fallback();

    Profiles profiles();

    /** A visit counts as poor quality when at least this share of its samples was at level POOR or BAD. */
    @WithDefault("0.2")
    double poorVisitShare();

    /** Audio: E-model inputs and MOS bounds of the levels. */
    interface Audio {
        /** Opus equipment impairment Ie on the narrowband scale (no ITU value exists; see the docs). */
        @WithDefault("2.03")
        double codecIe();

        /** Opus packet-loss robustness Bpl, random loss. */
        @WithDefault("15.95")
        double codecBpl();

        /** Packetisation and look-ahead: a 20 ms Opus frame plus 6.5 ms. */
        @WithDefault("26.5")
        double codecDelayMs();

        /** The jitter buffer holds about this many times the inter-arrival jitter. */
        @WithDefault("2.0")
        double jitterBufferFactor();

        /** MOS at or above: GOOD (G.109 "satisfied", R 80). */
        @WithDefault("4.0")
        double goodMos();

        /** MOS at or above: FAIR (R 70). */
        @WithDefault("3.6")
        double fairMos();

        /** MOS at or above: POOR (R 60); below: BAD. */
        @WithDefault("3.1")
        double poorMos();
    }

    /** Video and transport: the worst of loss, round trip and freezes gives a stream's level. */
    interface Network {
        @WithDefault("2")
        double fairLossPct();

        @WithDefault("5")
        double poorLossPct();

        @WithDefault("10")
        double badLossPct();

        @WithDefault("300")
        double fairRttMs();

        @WithDefault("500")
        double poorRttMs();

        @WithDefault("1000")
        double badRttMs();

        /** New freezes in one sample interval: FAIR from 1, POOR from this, BAD from {@link #badFreezes()}. */
        @WithDefault("2")
        int poorFreezes();

        @WithDefault("4")
        int badFreezes();
    }

    interface Fallback {
        /** Audio BAD without a break this long: recommend the phone. */
        @WithDefault("PT30S")
        Duration audioBadFor();

        /** This many disconnects of one participant ... */
        @WithDefault("3")
        int disconnects();

        /** ... within this period: its media keeps failing, recommend the phone. */
        @WithDefault("PT5M")
        Duration disconnectWindow();
    }

    /** Sender bitrate caps sent with each profile recommendation. */
    interface Profiles {
        @WithDefault("1500")
        long highKbps();

        @WithDefault("600")
        long mediumKbps();

        @WithDefault("250")
        long lowKbps();

        /** Whose outgoing video is protected longest: the clinician's view of this role comes first. */
        @WithDefault("PATIENT")
        String protectedSenderRole();
    }
}
