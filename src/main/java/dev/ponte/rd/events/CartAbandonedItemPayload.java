package dev.ponte.rd.events;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;

/** CART_ABANDONED_ITEM: one product left in an abandoned cart. */
@RecordBuilder
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
