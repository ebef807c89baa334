package io.televisit.call.rest;

import io.televisit.call.service.Caller;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of the current request, from its verified user token. */
@RequestScoped
public class CallerFactory {

    private final JsonWebToken token;

    public CallerFactory(JsonWebToken token) {
        this.token = token;
    }

    public Caller caller() {
        return new Caller(token.getSubject(), token.getGroups());
    }
}
