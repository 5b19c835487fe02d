package dev.ponte.delivery;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Where claimed deliveries go: to RD now ({@link DirectSink}) or onto the queue ({@link QueueSink}).
 * One is chosen at start-up from {@code PONTE_DELIVERY_MODE}; nothing asks again per request.
 */
public interface DeliverySink {

    /** Whether a sender is waiting for the answer (a vendor, an /events caller) or nobody is (redelivery, timers). */
    enum Urgency { ANSWERING, BACKGROUND }

    /**
     * Hands on deliveries whose keys the caller holds; one receipt each, in order. The receipts may
     * come later, with no thread waiting for them (a sender waiting for a call it shares, see
     * {@link SharedCalls}); a sink that has them at once answers with a completed stage.
     */
    CompletionStage<List<Receipt>> deliver(List<Delivery> claimed, Urgency urgency);
}
