package io.televisit.call.service;

import java.util.HashMap;
import java.util.Map;

/** Where a request came from, kept with consents and audit entries. */
public record ClientInfo(String address, String userAgent) {

    public ClientInfo {
        userAgent = userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), 512));
    }

    /** {@code details} plus this client's address and user agent, where known: the audit details of a client action. */
    public Map<String, String> addTo(Map<String, String> details) {
        Map<String, String> withClient = new HashMap<>(details);
        if (address != null) {
            withClient.put("clientAddress", address);
        }
        if (userAgent != null) {
            withClient.put("userAgent", userAgent);
        }
        return withClient;
    }
}
