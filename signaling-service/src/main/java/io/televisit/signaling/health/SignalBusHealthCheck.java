package io.televisit.signaling.health;

import io.televisit.signaling.session.SignalBus;
import io.televisit.signaling.ws.Draining;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while this instance receives frames from the others and is not draining. */
@Readiness
@ApplicationScoped
public class SignalBusHealthCheck implements HealthCheck {

    private final SignalBus bus;
    private final Draining draining;

    public SignalBusHealthCheck(SignalBus bus, Draining draining) {
        this.bus = bus;
        this.draining = draining;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("signaling-bus").status(bus.isListening() && !draining.isDraining())
                .withData("instance", bus.instance()).build();
    }
}
