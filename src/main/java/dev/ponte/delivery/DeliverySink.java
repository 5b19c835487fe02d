package dev.ponte.delivery;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Where claimed deliveries go: to RD now ({@link DirectSink}) or onto the queue ({@link QueueSink}).
 * One is chosen at start-up from {@code PONTE_DELIVERY_MODE}; nothing asks again per request.
 */
public interface DeliverySink {

    /** Whether a sender is waiting for the answer (a vendor, an /events caller) or nobody is (redelivery, timers). */
    enum Urgency { ANSWERING, BACKGROUND }

    /** Hands on deliveries whose keys the caller holds; one receipt each, in order. */
    List<Receipt> deliver(List<Delivery> claimed, Urgency urgency);

    /**
     * The same, for a sender waiting on the edge: the receipts may come later, without a thread
     * waiting for them (see {@link SharedCalls}). Sinks that answer at once answer here as in
     * {@link #deliver}.
     */
    default CompletionStage<List<Receipt>> deliverWithoutWaiting(List<Delivery> claimed, Urgency urgency) {
        return CompletableFuture.completedFuture(deliver(claimed, urgency));
    }
}
