package io.televisit.signaling.ws;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.televisit.signaling.config.SignalingSettings;
import io.televisit.signaling.protocol.SessionId;
import io.televisit.signaling.protocol.VisitIdentity;
import io.televisit.signaling.service.ResumeTokens;
import io.televisit.signaling.service.VisitTokenVerifier;
import io.televisit.signaling.session.SessionStore;
import jakarta.inject.Singleton;

import io.vertx.core.MultiMap;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Authenticates a signaling connection before the WebSocket upgrade, so nothing exists for a refused client. A new
 * session needs the visit access token from call-service, in {@code Authorization: Bearer} or, for browsers (which
 * cannot set headers on a WebSocket), as a {@code Sec-WebSocket-Protocol} entry {@code access_token.<jwt>}; a
 * returning client presents its resume token as {@code resume_token.<token>} instead. A token in the URL is refused
 * (URLs end up in logs), so is a browser origin not on the allow-list, and so is everyone while the instance drains.
 * A client may name the visit it means to join ({@code /ws?visitId=…}): a token of another visit is then refused.
 */
@Singleton
public class VisitTokenUpgradeCheck implements HttpUpgradeCheck {

    private static final String ACCESS_TOKEN_PREFIX = "access_token.";
    private static final String RESUME_TOKEN_PREFIX = "resume_token.";
    private static final String VISIT_PARAMETER = "visitId";

    private final VisitTokenVerifier verifier;
    private final SessionStore store;
    private final Set<String> allowedOrigins;
    private final Draining draining;
    private final SignalingSettings.Limits limits;

    public VisitTokenUpgradeCheck(VisitTokenVerifier verifier, SessionStore store, SignalingSettings settings,
                                  Draining draining) {
        this.verifier = verifier;
        this.store = store;
        this.allowedOrigins = Set.copyOf(settings.allowedOrigins());
        this.draining = draining;
        this.limits = settings.limits();
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        if (draining.isDraining()) {
            return CheckResult.rejectUpgrade(503);
        }
        String query = context.httpRequest().query();
        if (query != null && query.toLowerCase().contains("token")) {
            return CheckResult.rejectUpgrade(400);
        }
        String origin = context.httpRequest().getHeader("Origin");
        if (origin != null && !allowedOrigins.contains(origin)) {
            return CheckResult.rejectUpgrade(403);
        }
        String namedVisit = context.httpRequest().getParam(VISIT_PARAMETER);
        Optional<String> resumeToken = protocolEntry(context, RESUME_TOKEN_PREFIX);
        if (resumeToken.isPresent()) {
            return store.findByResumeToken(ResumeTokens.hash(resumeToken.get())).chain(session -> {
                if (session == null) {
                    return CheckResult.rejectUpgrade(401);
                }
                VisitIdentity identity = SessionStore.identity(session);
                if (!isOwnVisit(identity, namedVisit)) {
                    return CheckResult.rejectUpgrade(403);
                }
                context.userData().put(ConnectionState.KEY, new ConnectionState(identity, new SessionId(session.id),
                        rateLimiter()));
                forgetTokens(context);
                return CheckResult.permitUpgrade();
            });
        }
        Optional<VisitIdentity> identity = accessToken(context).flatMap(verifier::verify);
        if (identity.isEmpty()) {
            return CheckResult.rejectUpgrade(401);
        }
        if (!isOwnVisit(identity.get(), namedVisit)) {
            return CheckResult.rejectUpgrade(403);
        }
        context.userData().put(ConnectionState.KEY, new ConnectionState(identity.get(), null, rateLimiter()));
        forgetTokens(context);
        return CheckResult.permitUpgrade();
    }

    /**
     * The connection keeps its handshake headers for as long as it lives: the tokens are taken out once checked, so they
     * neither take memory per connection nor reach anything that reads headers later. The subprotocol entries that
     * the handshake negotiates stay.
     */
    private static void forgetTokens(HttpUpgradeContext context) {
        MultiMap headers = context.httpRequest().headers();
        headers.remove("Authorization");
        String protocols = headers.get("Sec-WebSocket-Protocol");
        if (protocols != null) {
            String kept = Arrays.stream(protocols.split(",")).map(String::trim)
                    .filter(p -> !p.startsWith(ACCESS_TOKEN_PREFIX) && !p.startsWith(RESUME_TOKEN_PREFIX))
                    .collect(Collectors.joining(", "));
            if (kept.isEmpty()) {
                headers.remove("Sec-WebSocket-Protocol");
            } else {
                headers.set("Sec-WebSocket-Protocol", kept);
            }
        }
    }

    private RateLimiter rateLimiter() {
        return new RateLimiter(limits.messagesPerSecond(), limits.burst());
    }

    /** No visit named, or the token's own. */
    private static boolean isOwnVisit(VisitIdentity identity, String namedVisit) {
        return namedVisit == null || namedVisit.equalsIgnoreCase(identity.visit().toString());
    }

    private static Optional<String> accessToken(HttpUpgradeContext context) {
        String authorization = context.httpRequest().getHeader("Authorization");
        if (authorization != null && authorization.startsWith("Bearer ")) {
            return Optional.of(authorization.substring("Bearer ".length()).trim());
        }
        return protocolEntry(context, ACCESS_TOKEN_PREFIX);
    }

    private static Optional<String> protocolEntry(HttpUpgradeContext context, String prefix) {
        String protocols = context.httpRequest().getHeader("Sec-WebSocket-Protocol");
        if (protocols == null) {
            return Optional.empty();
        }
        return Arrays.stream(protocols.split(",")).map(String::trim)
                .filter(p -> p.startsWith(prefix) && p.length() > prefix.length())
                .map(p -> p.substring(prefix.length())).findFirst();
    }
}
