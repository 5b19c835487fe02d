package dev.ponte.delivery;

import dev.ponte.rd.RdConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Picks the delivery sink named by {@code PONTE_DELIVERY_MODE}, once: each sink is a bean with its
 * mode as identifier, and the one not chosen is never created.
 */
@ApplicationScoped
public class Sinks {

    @Produces
    @Singleton
    DeliverySink sink(DeliveryConfig config, @Any Instance<DeliverySink> sinks) {
        Instance<DeliverySink> chosen = sinks.select(Identifier.Literal.of(config.mode().name()));
        if (!chosen.isResolvable()) {
            throw new IllegalStateException("No delivery sink is named '" + config.mode() + "' (PONTE_DELIVERY_MODE)");
        }
        return chosen.get();
    }

    void check(@Observes StartupEvent start, DeliveryConfig config, QueueConfig queue, RdConfig rd) {
        if (config.mode() == DeliveryConfig.Mode.queue && queue.url().filter(u -> !u.isBlank()).isEmpty()) {
            throw new IllegalStateException("PONTE_DELIVERY_MODE=queue needs PONTE_QUEUE_URL");
        }
        SharedCalls.atOnce(rd.callsAtOnce());
    }
}
