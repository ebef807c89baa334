package io.televisit.signaling.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * Client → server envelope (protocol v1): {@code type}, {@code requestId} (echoed in replies and errors), {@code to}
 * (a participant of the same visit, for relayed types) and {@code payload}. Read with a streaming parser that keeps the
 * payload as the client's JSON text: relayed payloads go on unchanged without being parsed into a tree and written
 * again, which is most of the work per relayed message. The tree is built only when a handler asks for it.
 */
public final class ClientMessage {

    private static final ObjectMapper TREES = new ObjectMapper();

    private final String type;
    private final String requestId;
    private final String to;
    private final String rawPayload;
    private JsonNode payload;

    private ClientMessage(String type, String requestId, String to, String rawPayload) {
        this.type = type;
        this.requestId = requestId;
        this.to = to;
        this.rawPayload = rawPayload;
    }

    /**
     * @throws MalformedFrame if the text is not one JSON object with only the envelope fields, strings where strings
     *                        belong
     */
    public static ClientMessage parse(String text) throws MalformedFrame {
        try (JsonParser parser = TREES.getFactory().createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedFrame();
            }
            String type = null;
            String requestId = null;
            String to = null;
            String rawPayload = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "type" -> type = text(parser, value);
                    case "requestId" -> requestId = text(parser, value);
                    case "to" -> to = text(parser, value);
                    case "payload" -> rawPayload = raw(parser, value, text);
                    default -> throw new MalformedFrame();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new MalformedFrame();
            }
            return new ClientMessage(type, requestId, to, rawPayload);
        } catch (IOException e) {
            throw new MalformedFrame();
        }
    }

    public String type() {
        return type;
    }

    public String requestId() {
        return requestId;
    }

    public String to() {
        return to;
    }

    /** The payload as the client wrote it (valid JSON), or null if there was none. */
    public String rawPayload() {
        return rawPayload;
    }

    /** The payload as a tree, or null if there was none. */
    public JsonNode payload() {
        if (payload == null && rawPayload != null) {
            try {
                payload = TREES.readTree(rawPayload);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the payload was checked when the envelope was read", e);
            }
        }
        return payload;
    }

    /** A top-level string field of an object payload, without building the tree; null if absent or not a string. */
    public String payloadText(String name) {
        if (rawPayload == null || rawPayload.charAt(0) != '{') {
            return null;
        }
        try (JsonParser parser = TREES.getFactory().createParser(rawPayload)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean wanted = name.equals(parser.currentName());
                JsonToken value = parser.nextToken();
                if (wanted) {
                    return value == JsonToken.VALUE_STRING ? parser.getText() : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_STRING) {
            throw new MalformedFrame();
        }
        return parser.getText();
    }

    private static String raw(JsonParser parser, JsonToken value, String text) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        int start = (int) parser.currentTokenLocation().getCharOffset();
        if (value.isStructStart()) {
            parser.skipChildren();
        } else {
            parser.finishToken();
        }
        int end = (int) parser.currentLocation().getCharOffset();
        return text.substring(start, end);
    }

    /** The frame is not a v1 envelope. */
    public static final class MalformedFrame extends IOException {
        public MalformedFrame() {
            super("not a v1 envelope");
        }
    }
}
