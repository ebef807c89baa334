package io.televisit.signaling.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Server frames are built once as a JSON object without {@code seq}, the form in which they are routed between
 * instances and kept for resumption; the session that sends one numbers it by inserting {@code seq} in front.
 */
public final class Frames {

    private Frames() {
    }

    public static String build(ObjectMapper mapper, String type, String requestId, String from, Object payload) {
        try {
            return mapper.writeValueAsString(new ServerMessage(type, requestId, from, payload));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unserializable " + type + " frame", e);
        }
    }

    /**
     * A relayed frame, {@code {"type","from","payload"}} as {@link #build} would write it, with the sender's payload
     * copied as it came: {@code type} is one of the relayed types and {@code from} a participant id, neither of which
     * needs escaping, and the payload is JSON that {@link ClientMessage#parse} has read.
     */
    public static String relayed(String type, String from, String rawPayload) {
        StringBuilder frame = new StringBuilder(40 + from.length() + (rawPayload == null ? 0 : rawPayload.length()));
        frame.append("{\"type\":\"").append(type).append("\",\"from\":\"").append(from).append('"');
        if (rawPayload != null) {
            frame.append(",\"payload\":").append(rawPayload);
        }
        return frame.append('}').toString();
    }

    /** {@code {"type":…}} numbered {@code seq} becomes {@code {"seq":7,"type":…}}. */
    public static String numbered(String frame, long seq) {
        return "{\"seq\":" + seq + "," + frame.substring(1);
    }

    /** The inverse of {@link #numbered}. */
    public static String unnumbered(String numbered) {
        return "{" + numbered.substring(numbered.indexOf(',') + 1);
    }
}
