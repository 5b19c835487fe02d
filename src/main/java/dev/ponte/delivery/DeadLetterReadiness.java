package dev.ponte.delivery;

import dev.ponte.delivery.state.StateStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the state store cannot keep anything: Ponte's promise is that what RD cannot
 * take is parked, so an instance that cannot park must not take traffic. RD being down is
 * deliberately not a reason — that is exactly when parking is needed.
 */
@Readiness
@ApplicationScoped
public class DeadLetterReadiness implements HealthCheck {

    private final StateStore store;

    DeadLetterReadiness(StateStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        return store.unavailable()
                .map(reason -> HealthCheckResponse.named("state").down().withData("reason", reason).build())
                .orElseGet(() -> HealthCheckResponse.up("state"));
    }
}
