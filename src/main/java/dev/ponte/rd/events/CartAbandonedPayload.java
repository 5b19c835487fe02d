package dev.ponte.rd.events;

import java.util.List;

/** CART_ABANDONED: one abandoned cart; its lines travel as {@link CartAbandonedItemPayload}s. */
public record CartAbandonedPayload(
        String name,
        String email,
        String cfCartId,
        Integer cfCartTotalItems,
        String cfCartStatus,
        List<LegalBase> legalBases) implements RdPayload {

    @Override
    public EventType eventType() {
        return EventType.CART_ABANDONED;
    }
}
