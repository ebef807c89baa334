package io.televisit.call.rest;

import io.televisit.call.service.ClientInfo;
import io.vertx.core.http.HttpServerRequest;

/** The client address (the gateway's X-Forwarded-For, trusted from the gateway only) and user agent of a request. */
final class Clients {

    private Clients() {
    }

    static ClientInfo of(HttpServerRequest request) {
        String address = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return new ClientInfo(address, request.getHeader("User-Agent"));
    }
}
