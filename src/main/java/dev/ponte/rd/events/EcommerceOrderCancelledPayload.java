package dev.ponte.rd.events;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;

/** ECOMMERCE_ORDER_CANCELLED: an order was cancelled, for one of RD's five reasons; {@code identifier} is the order. */
@RecordBuilder
public record EcommerceOrderCancelledPayload(
        String email,
        String identifier,
        String name,
        String mobilePhone,
        String personalPhone,
        List<LegalBase> legalBases,
        String cancelReason) implements RdPayload, NamesPersonalPhone, NamesMobilePhone {

    @Override
    public EventType eventType() {
        return EventType.ECOMMERCE_ORDER_CANCELLED;
    }
}
