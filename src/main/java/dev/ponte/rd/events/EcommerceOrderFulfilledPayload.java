package dev.ponte.rd.events;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;

/** ECOMMERCE_ORDER_FULFILLED: an order (or part of it) was shipped; {@code identifier} is the shipment. */
@RecordBuilder
public record EcommerceOrderFulfilledPayload(
        String email,
        String identifier,
        String name,
        String mobilePhone,
        String personalPhone,
        List<LegalBase> legalBases,
        String orderIdentifier,
        String trackingCompany,
        String trackingCode,
        String trackingUrl) implements RdPayload, NamesPersonalPhone, NamesMobilePhone {

    @Override
    public EventType eventType() {
        return EventType.ECOMMERCE_ORDER_FULFILLED;
    }
}
