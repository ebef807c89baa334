package io.televisit.signaling.ws;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import io.televisit.signaling.protocol.VisitIdentity;
import io.televisit.signaling.service.VisitTokenVerifier;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.Optional;

/**
 * Authenticates a signaling connection before the WebSocket upgrade, so nothing exists for a refused client. The
 * visit access token comes in {@code Authorization: Bearer} or, for browsers (which cannot set headers on a WebSocket),
 * as a {@code Sec-WebSocket-Protocol} entry {@code access_token.<jwt>} next to {@code televisit.v1}. A token in the
 * URL is refused: URLs end up in logs.
 */
@ApplicationScoped
public class VisitTokenUpgradeCheck implements HttpUpgradeCheck {

    static final UserData.TypedKey<VisitIdentity> IDENTITY = new UserData.TypedKey<>("televisit.identity");
    private static final String PROTOCOL_TOKEN_PREFIX = "access_token.";

    private final VisitTokenVerifier verifier;

    public VisitTokenUpgradeCheck(VisitTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String query = context.httpRequest().query();
        if (query != null && query.toLowerCase().contains("token")) {
            return CheckResult.rejectUpgrade(400);
        }
        Optional<VisitIdentity> identity = token(context).flatMap(verifier::verify);
        if (identity.isEmpty()) {
            return CheckResult.rejectUpgrade(401);
        }
        context.userData().put(IDENTITY, identity.get());
        return CheckResult.permitUpgrade();
    }

    private static Optional<String> token(HttpUpgradeContext context) {
        String authorization = context.httpRequest().getHeader("Authorization");
        if (authorization != null && authorization.startsWith("Bearer ")) {
            return Optional.of(authorization.substring("Bearer ".length()).trim());
        }
        String protocols = context.httpRequest().getHeader("Sec-WebSocket-Protocol");
        if (protocols == null) {
            return Optional.empty();
        }
        return Arrays.stream(protocols.split(",")).map(String::trim)
                .filter(p -> p.startsWith(PROTOCOL_TOKEN_PREFIX))
                .map(p -> p.substring(PROTOCOL_TOKEN_PREFIX.length())).findFirst();
    }
}
