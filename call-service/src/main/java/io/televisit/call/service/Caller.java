package io.televisit.call.service;

import java.util.Set;

/** The authenticated user behind a request, as the service needs it: the token's subject and roles. */
public record Caller(String subject, Set<String> roles) {

    public boolean isAdmin() {
        return roles.contains("admin");
    }
}
