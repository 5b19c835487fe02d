package dev.ponte.rd.events;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.math.BigDecimal;
import java.util.List;

/** ECOMMERCE_CART_ABANDONED: a checkout no order followed; {@code identifier} is the checkout or cart. */
@RecordBuilder
public record EcommerceCartAbandonedPayload(
        String email,
        String identifier,
        String name,
        String mobilePhone,
        String personalPhone,
        List<LegalBase> legalBases,
        String checkoutUrl,
        String currency,
        BigDecimal price,
        Integer totalItems,
        List<EcommerceLineItem> lineItems) implements RdPayload, NamesPersonalPhone, NamesMobilePhone, ListsLineItems {

    @Override
    public EventType eventType() {
        return EventType.ECOMMERCE_CART_ABANDONED;
    }
}
