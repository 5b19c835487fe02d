package dev.ponte.delivery;

import dev.ponte.rd.events.RdEvent;
import java.util.List;

/**
 * One thing to deliver: the events one request produced, where it came from and how the sender
 * identifies it. {@code deliveryId} is the vendor's delivery id (or an Idempotency-Key); without
 * one, nothing is deduplicated.
 */
public record Delivery(String source, String deliveryId, List<RdEvent> events, DeadLetter.StoredRequest request) {

    public Delivery {
        events = List.copyOf(events);
    }

    public String dedupeKey() {
        return deliveryId == null || deliveryId.isBlank() ? null : source + ":" + deliveryId;
    }
}
