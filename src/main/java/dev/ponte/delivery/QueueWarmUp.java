package dev.ponte.delivery;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

/**
 * In queue mode on a server, the queue's senders start with the application and open their
 * connections to SQS on their own threads while nothing waits ({@link QueueSends#warmUp}). Not on
 * Lambda: an instance answers one request at a time there, and a SnapStart snapshot would keep
 * connections that are dead once restored.
 */
@ApplicationScoped
public class QueueWarmUp {

    // The senders are looked up only in queue mode: made in direct mode, they would load the AWS
    // SDK's classes at every start for nothing.
    void warm(@Observes StartupEvent start, DeliveryConfig delivery, QueueConfig queue, Instance<QueueSends> sends) {
        if (delivery.mode() == DeliveryConfig.Mode.queue && !Platform.current().lambda()) {
            queue.url().filter(url -> !url.isBlank()).ifPresent(url -> sends.get().warmUp(url));
        }
    }
}
