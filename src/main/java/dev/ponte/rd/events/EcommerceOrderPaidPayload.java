package dev.ponte.rd.events;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.math.BigDecimal;
import java.util.List;

/** ECOMMERCE_ORDER_PAID: an order was paid; {@code identifier} is the order. */
@RecordBuilder
public record EcommerceOrderPaidPayload(
        String email,
        String identifier,
        String name,
        String mobilePhone,
        String personalPhone,
        List<LegalBase> legalBases,
        String currency,
        BigDecimal price,
        Integer totalItems,
        List<EcommerceLineItem> lineItems,
        BigDecimal shippingPrice,
        String shippingCity,
        String shippingState,
        String shippingCountry,
        String orderUrl,
        List<String> paymentMethods) implements RdPayload, NamesPersonalPhone, NamesMobilePhone, ListsLineItems {

    @Override
    public EventType eventType() {
        return EventType.ECOMMERCE_ORDER_PAID;
    }
}
