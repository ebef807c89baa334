package io.televisit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Turns every failure that leaves a REST endpoint into problem details. Unexpected failures are logged with an error id
 * that the response repeats, so support can find the log line without the response revealing internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(leaf(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(Problem.of(400, "VALIDATION_FAILED", "Invalid request", "Some fields are invalid.")
                .withErrors(errors), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(jsonProblem(e), uri);
    }

    /** Quarkus REST ships its own mapper for this subtype; naming it here makes ours win. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return respond(jsonProblem(e), uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        return respond(Problem.of(401, "UNAUTHENTICATED", "Unauthorized", "A valid bearer token is required."), uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return respond(Problem.of(401, "UNAUTHENTICATED", "Unauthorized", "A valid bearer token is required."), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "FORBIDDEN", "Forbidden", "Your role does not allow this action."), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            // Quarkus REST reports unreadable bodies as a 400 wrapping Jackson's exception.
            return respond(jsonProblem(json), uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        return respond(Problem.of(status, codeFor(status), e.getResponse().getStatusInfo().getReasonPhrase(),
                "The request cannot be served as sent."), uri);
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure, error id %s", errorId);
        return respond(Problem.of(500, "INTERNAL_ERROR", "Internal error",
                "The request failed unexpectedly; error id " + errorId + "."), uri);
    }

    static Problem jsonProblem(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return Problem.of(400, "UNKNOWN_FIELD", "Invalid request", "Unknown field '" + unknown.getPropertyName() + "'.");
        }
        if (e instanceof InvalidFormatException invalid) {
            return Problem.of(400, "INVALID_VALUE", "Invalid request",
                    "Field '" + path(invalid) + "' has a value of the wrong format or outside its allowed set.");
        }
        if (e instanceof MismatchedInputException mismatched) {
            return Problem.of(400, "INVALID_VALUE", "Invalid request", mismatched.getPath().isEmpty()
                    ? "The body does not have the documented shape."
                    : "Field '" + path(mismatched) + "' has a value of the wrong type.");
        }
        return Problem.of(400, "MALFORMED_JSON", "Invalid request", "The body is not valid JSON.");
    }

    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 409 -> "CONFLICT";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 429 -> "TOO_MANY_REQUESTS";
            default -> "HTTP_" + status;
        };
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> a + "." + b).orElse("body");
    }

    private static String leaf(String propertyPath) {
        // "schedule.request.scheduledAt" -> "scheduledAt": method and parameter names are not the client's business.
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static Response respond(Problem problem, UriInfo uri) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(uri == null ? problem : problem.withInstance(uri.getPath()))
                .build();
    }
}
