package dev.ponte.delivery;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Where Ponte runs as a server, the in-process scheduler sweeps every {@code PONTE_REDELIVERY_EVERY},
 * the first time one period after the start: begun a second in, as it was, the sweep fell inside a
 * slow machine's start and opened the state store there, and the start took longer for it (24
 * starts of each in turn: 67 ms, first webhook 61 ms).
 * On Lambda a schedule invokes {@link RedeliveryHandler} instead ({@code PONTE_REDELIVERY_POLL=false}),
 * and the scheduler is not started at all ({@code quarkus.scheduler.enabled} follows that setting):
 * a cold start makes no timer thread or job it would never run.
 */
@ApplicationScoped
public class RedeliveryTimer {

    @Inject
    Redelivery redelivery;

    @Scheduled(identity = "ponte-redelivery", every = "${ponte.redelivery.every:15s}",
            delayed = "${ponte.redelivery.every:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            redelivery.sweep();
        } catch (RuntimeException e) {
            Log.errorf(e, "redelivery sweep failed; the next one tries again");
        }
    }
}
