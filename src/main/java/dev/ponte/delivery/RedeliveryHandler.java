package dev.ponte.delivery;

import com.amazonaws.services.lambda.runtime.Context;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.Quarkus;
import java.util.Map;

/**
 * The redelivery function's Lambda handler (Handler: {@code dev.ponte.delivery.RedeliveryHandler::handleRequest}),
 * invoked by the template's schedule every minute: one sweep over the shared state (due dead
 * letters, due timers, orphaned claims). A plain class, like {@link QueueWorkerHandler}.
 */
public class RedeliveryHandler {

    public RedeliveryHandler() {
        Quarkus.manualInitialize();
    }

    public Map<String, Object> handleRequest(Map<String, Object> scheduledEvent, Context context) {
        Quarkus.manualStart();
        Redelivery.Sweep sweep = Arc.container().instance(Redelivery.class).get().sweep();
        return Map.of("adopted", sweep.adopted(), "letters", sweep.letters(), "delivered", sweep.delivered(),
                "timers", sweep.timers());
    }
}
