package io.televisit.call.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code televisit.call.*}: limits of the visit API. */
@ConfigMapping(prefix = "televisit.call")
public interface CallSettings {

    /** How far ahead a visit may be scheduled. */
    @WithDefault("P400D")
    Duration scheduleHorizon();

    /** How far in the past a scheduled time may lie (clock skew, "visit now"). */
    @WithDefault("PT10M")
    Duration schedulePastTolerance();

    /** Length of a visit when the request gives no end. */
    @WithDefault("PT30M")
    Duration defaultVisitLength();

    @WithDefault("PT8H")
    Duration maxVisitLength();

    VisitToken visitToken();

    JoinLinks joinLinks();

    /** Visit access tokens: what a participant presents to signaling-service to join one visit. */
    interface VisitToken {
        @WithDefault("https://call.televisit.local")
        String issuer();

        /** PEM (PKCS#8) private key; signaling-service holds the public half. */
        String privateKeyLocation();

        @WithDefault("visit-token-1")
        String keyId();

        /** Short: the token only opens the signaling session, which then lives on its own resume token. */
        @WithDefault("PT15M")
        Duration ttl();
    }

    /** One-time patient join links. */
    interface JoinLinks {
        @WithDefault("PT24H")
        Duration defaultTtl();

        @WithDefault("P7D")
        Duration maxTtl();

        /** Base of the URL handed to patients; the token follows after '#', so it never reaches server logs. */
        @WithDefault("http://127.0.0.1:18080/join")
        String baseUrl();
    }

    /** A ringing visit nobody answers within this time becomes MISSED. */
    @WithDefault("PT60S")
    Duration ringTimeout();
}
