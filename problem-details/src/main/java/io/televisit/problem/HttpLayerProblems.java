package io.televisit.problem;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The API's body-size limit, answered with problem details before the body is read. Quarkus' own
 * {@code quarkus.http.limits.max-body-size} stays as a larger hard stop (it answers with a bare 413, e.g. for chunked
 * bodies that declare no length), so this limit must be the smaller one.
 */
@ApplicationScoped
public class HttpLayerProblems {

    private final long maxBodyBytes;

    public HttpLayerProblems(@ConfigProperty(name = "televisit.http.max-body-bytes", defaultValue = "65536") long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE).handler(this::checkDeclaredLength);
    }

    private void checkDeclaredLength(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared == null || parse(declared) <= maxBodyBytes) {
            context.next();
            return;
        }
        Problem problem = Problem.of(413, "PAYLOAD_TOO_LARGE", "Payload too large",
                "The body exceeds " + maxBodyBytes + " bytes.").withInstance(context.normalizedPath());
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Json.encode(problem));
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
