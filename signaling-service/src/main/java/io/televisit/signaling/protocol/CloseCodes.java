package io.televisit.signaling.protocol;

/** WebSocket close codes the server uses, with the reason text it sends; listed in docs/signaling-protocol.md. */
public final class CloseCodes {

    /** Left, or the visit ended: do not reconnect. */
    public static final int NORMAL = 1000;
    /** No frame for longer than the idle timeout: reconnect and resume. */
    public static final int IDLE_TIMEOUT = 1001;
    /** Rate limit exceeded repeatedly. */
    public static final int POLICY_VIOLATION = 1008;
    /** Frame above the size limit. */
    public static final int MESSAGE_TOO_BIG = 1009;
    public static final int INTERNAL_ERROR = 1011;
    /** This instance is shutting down: reconnect (to another instance) and resume. */
    public static final int SERVICE_RESTART = 1012;
    /** The session was resumed on another connection: this one is stale. */
    public static final int SESSION_MOVED = 4001;
    /** A new join of the same participant replaced this session. */
    public static final int SUPERSEDED = 4002;
    /** The session can no longer be resumed (grace expired, or it ended): join again with a fresh access token. */
    public static final int SESSION_ENDED = 4003;
    /** Neither join nor resume came within the join timeout after the upgrade: connect again when ready. */
    public static final int JOIN_TIMEOUT = 4004;

    private CloseCodes() {
    }
}
