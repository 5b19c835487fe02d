package dev.ponte.rd;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Refuses to start without a way to authenticate to RD, naming the variables to set: a
 * deployment that cannot deliver should fail at deploy time, not at the first order.
 */
@Singleton
public class RdCredentialsCheck {

    void onStart(@Observes StartupEvent start, RdConfig config) {
        RdCredentials.problem(config).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
    }
}
