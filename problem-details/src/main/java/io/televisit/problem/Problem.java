package io.televisit.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem details body. {@code code} is stable and documented; clients branch on it, not on {@code title}.
 * {@code errors} lists invalid fields by name only (never their values).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String code,
                      List<FieldError> errors, @JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://televisit.io/problems/";

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(TYPE_BASE + code.toLowerCase().replace('_', '-'), title, status, detail, null, code, null,
                Map.of());
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, code, fieldErrors, extensions);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, code, errors, extensions);
    }

    /** An RFC 9457 extension member, e.g. {@code currentStatus} on an illegal transition. */
    public Problem with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(type, title, status, detail, instance, code, errors, Map.copyOf(more));
    }

    @JsonAnyGetter
    Map<String, Object> extensionMembers() {
        return extensions;
    }

    @RegisterForReflection
    public record FieldError(String field, String message) {
    }
}
