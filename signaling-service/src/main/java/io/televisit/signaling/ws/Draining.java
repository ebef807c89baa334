package io.televisit.signaling.ws;

import jakarta.inject.Singleton;

/** Set once the instance begins to shut down: no new connections, readiness down. */
@Singleton
public class Draining {

    private volatile boolean draining;

    public boolean isDraining() {
        return draining;
    }

    void begin() {
        draining = true;
    }
}
