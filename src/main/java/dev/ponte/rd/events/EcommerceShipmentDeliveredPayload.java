package dev.ponte.rd.events;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;

/** ECOMMERCE_SHIPMENT_DELIVERED: a shipment reached the buyer; {@code identifier} is the shipment. */
@RecordBuilder
public record EcommerceShipmentDeliveredPayload(
        String email,
        String identifier,
        String name,
        String mobilePhone,
        String personalPhone,
        List<LegalBase> legalBases,
        String orderIdentifier) implements RdPayload, NamesPersonalPhone, NamesMobilePhone {

    @Override
    public EventType eventType() {
        return EventType.ECOMMERCE_SHIPMENT_DELIVERED;
    }
}
