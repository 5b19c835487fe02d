package dev.ponte.rd.events;

import java.util.List;

/** ORDER_PLACED_ITEM: one product line of a placed order. */
public record OrderPlacedItemPayload(
        String name,
        String email,
        String cfOrderId,
        String cfOrderProductId,
        String cfOrderProductSku,
        List<LegalBase> legalBases) implements RdPayload {

    @Override
    public EventType eventType() {
        return EventType.ORDER_PLACED_ITEM;
    }
}
