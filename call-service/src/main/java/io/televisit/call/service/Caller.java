package io.televisit.call.service;

import java.util.Set;

/** The authenticated user behind a request, as the service needs it: the token's subject and roles. */
public record Caller(String subject, Set<String> roles) {

    public static final Caller SYSTEM = new Caller("system", Set.of("system"));

    public boolean isAdmin() {
        return roles.contains("admin");
    }

    public boolean isClinician() {
        return roles.contains("clinician");
    }

    public boolean isSystem() {
        return this == SYSTEM;
    }
}
