package io.televisit.signaling.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Duration;
import java.util.List;

/** {@code televisit.signaling.*}. Validated at start-up: a weak TURN secret stops the service. */
@ConfigMapping(prefix = "televisit.signaling")
public interface SignalingSettings {

    Turn turn();

    VisitToken visitToken();

    Ice ice();

    Limits limits();

    Grace grace();

    Heartbeat heartbeat();

    /**
     * Browser origins allowed to open a signaling connection (exact {@code scheme://host[:port]}); a request with any
     * other {@code Origin} is refused at the upgrade with 403. Requests without {@code Origin} (native apps, servers)
     * are not browsers and are let through to the token check.
     */
    @WithDefault("https://televisit.local")
    List<String> allowedOrigins();

    /** How long a dropped participant's session can be resumed; the others see it "reconnecting" meanwhile. */
    interface Grace {
        /** After this the patient goes back to waiting and call-service applies its clinician-lost policy. */
        @WithDefault("PT60S")
        Duration clinician();

        @WithDefault("PT120S")
        Duration patient();

        /** How long a resuming instance waits for the previous owner to hand over the frames it kept. */
        @WithDefault("PT2S")
        Duration handOverTimeout();

        /** Unacknowledged frames kept per session for a resume; beyond either limit the oldest are dropped. */
        @WithDefault("256")
        int keptFrames();

        @WithDefault("262144")
        int keptChars();
    }

    /** Clients ping every {@code interval}; a connection silent for {@code idle-timeout} is closed (1001). */
    interface Heartbeat {
        @WithDefault("PT15S")
        Duration interval();

        @WithDefault("PT45S")
        Duration idleTimeout();

        /** A connection that has neither joined nor resumed this long after the upgrade is closed (4004). */
        @WithDefault("PT30S")
        Duration joinTimeout();
    }

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

        /** Largest SDP (offer or answer) relayed, in characters. */
        @WithDefault("32768")
        int maxSdpChars();

        /** ICE candidates a participant may send per negotiation (reset by each offer or answer it sends). */
        @WithDefault("100")
        int maxCandidatesPerNegotiation();

        /** Longest ICE candidate line. */
        @WithDefault("1024")
        int maxCandidateChars();
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

        /**
         * Connected participants whose credentials expire within this get new ones ({@code ice-servers}): coturn
         * refuses to refresh an allocation under an expired username. Must be shorter than the TTL.
         */
        @WithDefault("PT10M")
        Duration refreshBefore();
    }
}
