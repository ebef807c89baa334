package io.televisit.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.televisit.testing.SignalingClient;
import io.televisit.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The packaged signaling-service behind the gateway's one origin: WebSocket upgrade on /ws, join, relay. */
class GatewaySignalingIT {

    private static final URI GATEWAY_WS = URI.create("ws://127.0.0.1:" + RunningSuite.GATEWAY_PORT + "/ws");

    @BeforeAll
    static void suite() {
        RunningSuite.ensureStarted();
    }

    @Test
    void twoParticipantsJoinAndExchangeAnOfferThroughTheGateway() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String visit = UUID.randomUUID().toString();
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        try (SignalingClient first = SignalingClient.connect(GATEWAY_WS, TestTokens.visit(visit, a, "CLINICIAN"));
             SignalingClient second = SignalingClient.connect(GATEWAY_WS, TestTokens.visit(visit, b, "PATIENT"))) {
            first.send("{\"type\":\"join\"}");
            assertEquals("joined", json.readTree(first.next(Duration.ofSeconds(5))).get("type").asText());
            second.send("{\"type\":\"join\"}");
            assertEquals("joined", json.readTree(second.next(Duration.ofSeconds(5))).get("type").asText());
            assertNotNull(first.next(Duration.ofSeconds(5)), "participant-joined");
            first.send("{\"type\":\"offer\",\"to\":\"" + b + "\",\"payload\":{\"sdp\":\"v=0\"}}");
            assertEquals(a, json.readTree(second.next(Duration.ofSeconds(5))).get("from").asText());
        }
    }
}
