package io.televisit.signaling.health;

import io.televisit.signaling.session.SignalBus;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * An instance that lost its listening connection no longer hears frames for its sessions and cannot get it back
 * without losing its channel: it is not live, so the orchestrator restarts it and its clients resume elsewhere.
 */
@Liveness
@ApplicationScoped
public class SignalBusLivenessCheck implements HealthCheck {

    private final SignalBus bus;

    public SignalBusLivenessCheck(SignalBus bus) {
        this.bus = bus;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("signaling-bus-listener").status(bus.isListening()).build();
    }
}
