package dev.ponte.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while undeliverable events would have nowhere to go: Ponte's promise is that an
 * event RD cannot take is parked, so an instance that cannot park must not take traffic. RD being
 * down is deliberately not a reason — that is exactly when parking is needed.
 */
@Readiness
@ApplicationScoped
public class DeadLetterReadiness implements HealthCheck {

    private final DeadLetterStore store;

    DeadLetterReadiness(DeadLetterStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        return store.cannotPark()
                .map(reason -> HealthCheckResponse.named("dead-letters").down().withData("reason", reason).build())
                .orElseGet(() -> HealthCheckResponse.up("dead-letters"));
    }
}
