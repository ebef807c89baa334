package io.televisit.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.televisit.signaling.protocol.ClientMessage;
import io.televisit.signaling.protocol.Frames;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The streaming envelope reader: what it accepts, what it refuses, and relayed payloads kept exactly as sent. */
class ClientMessageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsTheEnvelopeAndKeepsThePayloadAsSent() throws Exception {
        String payload = "{\"candidate\":\"candidate:1 1 udp 2122260223 10.0.0.1 5000 typ host\",\"sdpMid\":\"0\","
                + "\"nested\":{\"a\":[1,2,{\"b\":\"\\u00e9\\\"\"}]},\"sdpMLineIndex\":0}";
        ClientMessage message = ClientMessage.parse("{\"type\":\"ice-candidate\",\"requestId\":\"r7\","
                + "\"to\":\"0c8a2f4e-7f7e-4d3c-9d8b-5a1e2c3d4e5f\",\"payload\":" + payload + "}");
        assertEquals("ice-candidate", message.type());
        assertEquals("r7", message.requestId());
        assertEquals("0c8a2f4e-7f7e-4d3c-9d8b-5a1e2c3d4e5f", message.to());
        assertEquals(payload, message.rawPayload());
        assertEquals("candidate:1 1 udp 2122260223 10.0.0.1 5000 typ host", message.payloadText("candidate"));
        assertNull(message.payloadText("sdpMLineIndex"), "not a string");
        assertNull(message.payloadText("b"), "only top-level fields");
        assertEquals(0, message.payload().get("sdpMLineIndex").asInt());

        JsonNode relayed = JSON.readTree(Frames.relayed("ice-candidate", "p1", message.rawPayload()));
        assertEquals("ice-candidate", relayed.get("type").asText());
        assertEquals("p1", relayed.get("from").asText());
        assertEquals(JSON.readTree(payload), relayed.get("payload"));
    }

    @Test
    void scalarAndMissingPayloads() throws Exception {
        assertEquals("42", ClientMessage.parse("{\"payload\":42,\"type\":\"x\"}").rawPayload());
        assertEquals("\"s\"", ClientMessage.parse("{\"type\":\"x\",\"payload\":\"s\"}").rawPayload());
        assertNull(ClientMessage.parse("{\"type\":\"x\",\"payload\":null}").rawPayload());
        ClientMessage bare = ClientMessage.parse("{\"type\":\"end-of-candidates\",\"to\":\"p\"}");
        assertNull(bare.payload());
        assertNull(bare.payloadText("candidate"));
        assertEquals("{\"type\":\"end-of-candidates\",\"from\":\"p1\"}", Frames.relayed("end-of-candidates", "p1", null));
        assertNull(ClientMessage.parse("{}").type());
    }

    @Test
    void anythingButTheV1EnvelopeIsRefused() {
        for (String bad : List.of("", "[]", "\"join\"", "{", "{\"type\":\"join\"} {}", "{\"type\":\"join\"}x",
                "{\"type\":1}", "{\"to\":{}}", "{\"type\":\"join\",\"extra\":true}", "{\"payload\":{\"a\":}}",
                "{\"type\":\"join\",\"payload\":[1,2}")) {
            assertThrows(ClientMessage.MalformedFrame.class, () -> ClientMessage.parse(bad), bad);
        }
    }
}
