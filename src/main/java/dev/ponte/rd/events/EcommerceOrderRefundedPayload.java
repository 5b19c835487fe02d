package dev.ponte.rd.events;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;

/** ECOMMERCE_ORDER_REFUNDED: an order was refunded; {@code identifier} is the order. RD has published no fields beyond the family's own. */
@RecordBuilder
public record EcommerceOrderRefundedPayload(
        String email,
        String identifier,
        String name,
        String mobilePhone,
        String personalPhone,
        List<LegalBase> legalBases) implements RdPayload, NamesPersonalPhone, NamesMobilePhone {

    @Override
    public EventType eventType() {
        return EventType.ECOMMERCE_ORDER_REFUNDED;
    }
}
