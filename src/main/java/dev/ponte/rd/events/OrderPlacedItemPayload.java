package dev.ponte.rd.events;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;

/** ORDER_PLACED_ITEM: one product line of a placed order. */
@RecordBuilder
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
