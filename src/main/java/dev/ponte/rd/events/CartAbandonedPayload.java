package dev.ponte.rd.events;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;

/** CART_ABANDONED: one abandoned cart; its lines travel as {@link CartAbandonedItemPayload}s. */
@RecordBuilder
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
