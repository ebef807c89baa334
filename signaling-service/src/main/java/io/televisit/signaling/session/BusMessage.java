package io.televisit.signaling.session;

import io.televisit.signaling.protocol.SessionId;

/**
 * Notifications between instances on {@code signaling_<instance>}: one letter, the session id (36 characters), then
 * the argument. {@code F} a frame for the session; {@code S} the id of a spilled frame; {@code H} hand the session
 * over to the instance named; {@code D} the hand-over is done; {@code E} end the session here with a close code.
 */
public record BusMessage(char kind, SessionId session, String argument) {

    public static final char FRAME = 'F';
    public static final char SPILLED = 'S';
    public static final char HAND_OVER = 'H';
    public static final char HANDED_OVER = 'D';
    public static final char END = 'E';

    private static final int ID_LENGTH = 36;

    public static BusMessage parse(String payload) {
        return new BusMessage(payload.charAt(0), SessionId.of(payload.substring(1, 1 + ID_LENGTH)),
                payload.substring(1 + ID_LENGTH));
    }

    public String encode() {
        return kind + session.toString() + argument;
    }
}
