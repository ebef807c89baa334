package io.televisit.signaling.ws;

import io.quarkus.websockets.next.UserData;
import io.televisit.signaling.protocol.SessionId;
import io.televisit.signaling.protocol.VisitIdentity;
import io.televisit.signaling.session.LocalSession;

/**
 * What one connection carries, under a single user-data key (one lookup per message): who it is, as checked at the
 * upgrade; the session it may resume; its own rate limit; and its session once it has joined or resumed.
 */
final class ConnectionState {

    static final UserData.TypedKey<ConnectionState> KEY = new UserData.TypedKey<>("televisit.connection");

    final VisitIdentity identity;
    /** Set for a connection opened with a resume token: it must send {@code resume}. */
    final SessionId resumable;
    final RateLimiter rate;
    private volatile LocalSession session;

    ConnectionState(VisitIdentity identity, SessionId resumable, RateLimiter rate) {
        this.identity = identity;
        this.resumable = resumable;
        this.rate = rate;
    }

    LocalSession session() {
        return session;
    }

    void attached(LocalSession attached) {
        session = attached;
    }
}
