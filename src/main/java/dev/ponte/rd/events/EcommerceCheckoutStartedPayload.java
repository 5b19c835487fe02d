package dev.ponte.rd.events;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.math.BigDecimal;
import java.util.List;

/** ECOMMERCE_CHECKOUT_STARTED: a buyer began checking out; {@code identifier} is the checkout. */
@RecordBuilder
public record EcommerceCheckoutStartedPayload(
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
        return EventType.ECOMMERCE_CHECKOUT_STARTED;
    }
}
