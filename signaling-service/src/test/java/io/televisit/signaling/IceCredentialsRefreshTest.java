package io.televisit.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.televisit.signaling.service.SessionService;
import io.televisit.testing.SignalingClient;
import io.televisit.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.televisit.signaling.Frames.next;
import static io.televisit.signaling.Frames.nextOfType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A visit outlives its TURN credentials: shortly before they expire the participant gets fresh ones in
 * {@code ice-servers}, in the region order it asked for, and the real coturn accepts them. The refresh runs on a
 * timer; here it is called with a clock an hour ahead instead of waiting an hour.
 */
@QuarkusTest
class IceCredentialsRefreshTest {

    @Inject
    SessionService sessions;

    @TestHTTPResource("/ws")
    URI http;

    @Test
    void credentialsAboutToExpireAreReplacedAndTheNewOnesAllocateARelay() throws Exception {
        String visit = UUID.randomUUID().toString();
        String clinician = UUID.randomUUID().toString();
        URI ws = URI.create(http.toString().replaceFirst("^http", "ws") + "?visitId=" + visit);
        try (SignalingClient client = SignalingClient.connect(ws, TestTokens.visit(visit, clinician, "CLINICIAN"))) {
            client.send("{\"type\":\"join\",\"payload\":{\"regionHint\":\"local-b\"}}");
            JsonNode joined = next(client);
            Instant firstExpiry = Instant.parse(joined.get("payload").get("ice").get("credentialsExpireAt").asText());

            assertEquals(0, sessions.refreshIceCredentials(Instant.now()), "nothing is due an hour before expiry");
            assertNull(client.next(Duration.ofMillis(300)));

            assertTrue(sessions.refreshIceCredentials(firstExpiry.minusSeconds(60)) >= 1);
            JsonNode refreshed = nextOfType(client, "ice-servers");
            JsonNode ice = refreshed.get("payload");
            assertFalse(Instant.parse(ice.get("credentialsExpireAt").asText()).isBefore(firstExpiry));
            assertEquals("local-b", ice.get("iceServers").get(0).get("region").asText(), "the hinted region first");
            JsonNode turn = ice.get("iceServers").get(1);
            assertEquals("local-a", turn.get("region").asText());
            assertNotNull(turn.get("username"));
            assertTrue(turn.get("username").asText().endsWith(":" + clinician));
            assertEquals(0, Coturn.allocate(turn.get("username").asText(), turn.get("credential").asText()),
                    "coturn accepts the refreshed credential");
        }
    }
}
