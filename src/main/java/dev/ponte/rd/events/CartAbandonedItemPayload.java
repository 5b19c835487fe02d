package dev.ponte.rd.events;

import java.util.List;

/** CART_ABANDONED_ITEM: one product left in an abandoned cart. */
public record CartAbandonedItemPayload(
        String name,
        String email,
        String cfCartId,
        String cfCartProductId,
        String cfCartProductSku,
        List<LegalBase> legalBases) implements RdPayload {

    @Override
    public EventType eventType() {
        return EventType.CART_ABANDONED_ITEM;
    }
}
