package dev.ponte.rd.events;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.math.BigDecimal;
import java.util.List;

/** ORDER_PLACED: one order; its lines travel as {@link OrderPlacedItemPayload}s in the same batch. */
@RecordBuilder
public record OrderPlacedPayload(
        String name,
        String email,
        String cfOrderId,
        Integer cfOrderTotalItems,
        String cfOrderStatus,
        String cfOrderPaymentMethod,
        BigDecimal cfOrderPaymentAmount,
        List<LegalBase> legalBases) implements RdPayload {

    @Override
    public EventType eventType() {
        return EventType.ORDER_PLACED;
    }
}
