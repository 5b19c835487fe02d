package dev.ponte.mapping;

import dev.ponte.rd.events.EcommerceLineItem;
import dev.ponte.rd.events.EcommerceOrderCancelledPayloadBuilder;
import dev.ponte.rd.events.EcommerceOrderFulfilledPayloadBuilder;
import dev.ponte.rd.events.EcommerceOrderPaidPayloadBuilder;
import dev.ponte.rd.events.EcommerceOrderPlacedPayloadBuilder;
import dev.ponte.rd.events.EcommerceOrderRefundedPayloadBuilder;
import dev.ponte.rd.events.EcommerceShipmentDeliveredPayloadBuilder;
import dev.ponte.rd.events.LegalBase;
import dev.ponte.rd.events.RdEvent;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.math.BigDecimal;
import java.util.List;

/**
 * An order as every store's mapper reads it for RD's ECOMMERCE_* family, and the events of each
 * of its stages, built one way for every store: a store only says what its order holds. The
 * lines are all of them; the events carry the first 20 and count every item.
 */
@RecordBuilder
public record StoreOrder(
        String identifier,
        String email,
        String name,
        String mobilePhone,
        List<LegalBase> legalBases,
        String currency,
        BigDecimal price,
        List<EcommerceLineItem> lines,
        BigDecimal shippingPrice,
        String shippingCity,
        String shippingState,
        String shippingCountry,
        String orderUrl,
        List<String> paymentMethods) {

    public StoreOrder {
        lines = lines == null ? List.of() : List.copyOf(lines);
        legalBases = Storefront.communications(legalBases);
    }

    public static StoreOrderBuilder builder() {
        return StoreOrderBuilder.builder();
    }

    public RdEvent placed() {
        return RdEvent.of(EcommerceOrderPlacedPayloadBuilder.builder()
                .email(email).identifier(identifier).name(name).mobilePhone(mobilePhone).legalBases(legalBases)
                .currency(currency).price(price).totalItems(Storefront.totalItems(lines))
                .lineItems(Storefront.lineItems(lines)).shippingPrice(shippingPrice).shippingCity(shippingCity)
                .shippingState(shippingState).shippingCountry(shippingCountry).orderUrl(Storefront.url(orderUrl))
                .paymentMethods(Storefront.paymentMethods(paymentMethods))
                .build());
    }

    public RdEvent paid() {
        return RdEvent.of(EcommerceOrderPaidPayloadBuilder.builder()
                .email(email).identifier(identifier).name(name).mobilePhone(mobilePhone).legalBases(legalBases)
                .currency(currency).price(price).totalItems(Storefront.totalItems(lines))
                .lineItems(Storefront.lineItems(lines)).shippingPrice(shippingPrice).shippingCity(shippingCity)
                .shippingState(shippingState).shippingCountry(shippingCountry).orderUrl(Storefront.url(orderUrl))
                .paymentMethods(Storefront.paymentMethods(paymentMethods))
                .build());
    }

    /** {@code rdReason}: one of RD's five, from {@link Storefront#cancelReason}. */
    public RdEvent cancelled(String rdReason) {
        return RdEvent.of(EcommerceOrderCancelledPayloadBuilder.builder()
                .email(email).identifier(identifier).name(name).mobilePhone(mobilePhone).legalBases(legalBases)
                .cancelReason(rdReason)
                .build());
    }

    public RdEvent refunded() {
        return RdEvent.of(EcommerceOrderRefundedPayloadBuilder.builder()
                .email(email).identifier(identifier).name(name).mobilePhone(mobilePhone).legalBases(legalBases)
                .build());
    }

    /** One shipment of the order ({@code shipment}: its own id, or the order's where the store has no shipments). */
    public RdEvent fulfilled(String shipment, String trackingCompany, String trackingCode, String trackingUrl) {
        return RdEvent.of(EcommerceOrderFulfilledPayloadBuilder.builder()
                .email(email).identifier(shipment).orderIdentifier(identifier).name(name).mobilePhone(mobilePhone)
                .legalBases(legalBases)
                .trackingCompany(VendorValues.text(trackingCompany)).trackingCode(VendorValues.text(trackingCode))
                .trackingUrl(Storefront.url(trackingUrl))
                .build());
    }

    public RdEvent delivered(String shipment) {
        return RdEvent.of(EcommerceShipmentDeliveredPayloadBuilder.builder()
                .email(email).identifier(shipment).orderIdentifier(identifier).name(name).mobilePhone(mobilePhone)
                .legalBases(legalBases)
                .build());
    }
}
