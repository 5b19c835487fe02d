package dev.ponte.delivery;

import io.quarkus.arc.Arc;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Where Ponte runs as a server, the in-process scheduler sweeps every {@code PONTE_REDELIVERY_EVERY}.
 * On Lambda a schedule invokes {@link RedeliveryHandler} instead ({@code PONTE_REDELIVERY_POLL=false}).
 */
@ApplicationScoped
public class RedeliveryTimer {

    @Inject
    Redelivery redelivery;

    @Scheduled(identity = "ponte-redelivery", every = "${ponte.redelivery.every:15s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = NotPolling.class)
    void sweep() {
        try {
            redelivery.sweep();
        } catch (RuntimeException e) {
            Log.errorf(e, "redelivery sweep failed; the next one tries again");
        }
    }

    /** Skips the sweep where a platform schedule runs it instead. */
    @ApplicationScoped
    public static class NotPolling implements Scheduled.SkipPredicate {

        @Override
        public boolean test(ScheduledExecution execution) {
            return !Arc.container().instance(RedeliveryConfig.class).get().poll();
        }
    }
}
