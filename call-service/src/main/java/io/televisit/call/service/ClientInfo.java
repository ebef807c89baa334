package io.televisit.call.service;

/** Where a request came from, kept with consents and audit entries. */
public record ClientInfo(String address, String userAgent) {

    public ClientInfo {
        userAgent = userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), 512));
    }
}
