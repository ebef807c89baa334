package io.televisit.events.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness of the relay thread. A broker outage does not make the service unready: the outbox exists so that the API
 * keeps accepting changes while Kafka is away; the backlog and last failure are reported for operators instead.
 */
@Liveness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private final OutboxRelay relay;

    public OutboxHealthCheck(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("outbox-relay")
                .status(relay.isAlive())
                .withData("leader", relay.isLeader())
                .withData("backlog", relay.backlog())
                .withData("lastFailure", relay.lastFailure())
                .build();
    }
}
