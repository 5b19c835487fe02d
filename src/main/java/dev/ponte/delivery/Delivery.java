package dev.ponte.delivery;

import dev.ponte.mapping.Fact;
import dev.ponte.rd.events.RdEvent;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;
import java.util.UUID;

/**
 * One thing to deliver: the events one request produced, where it came from and how the sender
 * identifies it. {@code topic}: the vendor's topic, for webhooks (what an operator searches by).
 * {@code deliveryId} is the vendor's delivery id (or an Idempotency-Key): a copy
 * with the same one is never delivered twice. {@code batch}: the caller wants RD's batch answer.
 * {@code facts}: what to remember once RD has it. {@code letterId}: the dead letter this
 * delivery is, when it is being redelivered.
 */
@RecordBuilder
@RecordBuilder.Options(addSingleItemCollectionBuilders = true, useImmutableCollections = true)
public record Delivery(String source, String topic, String deliveryId, List<RdEvent> events, boolean batch, Origin origin,
        DeadLetter.StoredRequest request, List<Fact> facts, String letterId) implements DeliveryBuilder.With {

    public Delivery {
        events = events == null ? List.of() : List.copyOf(events);
        facts = facts == null ? List.of() : List.copyOf(facts);
        origin = origin == null ? Origin.WEBHOOK : origin;
        if (deliveryId == null || deliveryId.isBlank()) {
            // Without the sender's own id nothing can be deduplicated against its copies, but the
            // key still guards this delivery against its own redelivery and a crash mid-way.
            deliveryId = "~" + UUID.randomUUID();
        }
    }

    public static DeliveryBuilder builder() {
        return DeliveryBuilder.builder();
    }

    /** The dedupe key: the source's namespace, then its id. */
    public String key() {
        return source + ":" + deliveryId;
    }

    /** Whether the sender named it (rather than Ponte making up an id). */
    public boolean namedBySender() {
        return !deliveryId.startsWith("~");
    }
}
