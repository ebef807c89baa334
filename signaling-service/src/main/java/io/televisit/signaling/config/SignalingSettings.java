package io.televisit.signaling.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Duration;

/** {@code televisit.signaling.*}. Validated at start-up: a weak TURN secret stops the service. */
@ConfigMapping(prefix = "televisit.signaling")
public interface SignalingSettings {

    Turn turn();

    VisitToken visitToken();

    Ice ice();

    Limits limits();

    /** Per-connection limits; the frame size limit is quarkus.websockets-next.server.max-message-size (64 KiB). */
    interface Limits {
        /** Sustained messages per second a connection may send (ICE candidate bursts fit in the burst). */
        @WithDefault("50")
        int messagesPerSecond();

        @WithDefault("200")
        int burst();

        /** Messages refused for rate before the connection is closed with 1008 (policy violation). */
        @WithDefault("50")
        int refusalsBeforeClose();
    }

    /** ICE servers offered to clients. */
    interface Ice {
        /**
         * JSON list {@code [{"region": "eu-central", "urls": ["stun:…", "turn:…?transport=udp", "turns:…:443"]}]},
         * as the Helm chart renders it into TELEVISIT_TURN_SERVERS. TURN entries get per-participant credentials.
         */
        @WithDefault("[]")
        String servers();

        /** {@code all}, or {@code relay} for deployments that must never expose client addresses to peers. */
        @WithDefault("all")
        @Pattern(regexp = "all|relay")
        String transportPolicy();
    }

    /** Visit access tokens minted by call-service: the only credential a signaling connection accepts. */
    interface VisitToken {
        /** PEM public key matching call-service's signing key. */
        String publicKeyLocation();

        @WithDefault("https://call.televisit.local")
        String issuer();
    }

    interface Turn {
        /** Shared secret with coturn ({@code static-auth-secret}); TURN REST credentials are HMACs of it. */
        @Size(min = 32)
        String secret();

        /** Lifetime of the TURN credentials handed to a participant. */
        @WithDefault("PT1H")
        Duration credentialTtl();
    }
}
