package dev.ponte.rd.events;

import java.math.BigDecimal;
import java.util.List;

/** ORDER_PLACED: one order; its lines travel as {@link OrderPlacedItemPayload}s in the same batch. */
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
