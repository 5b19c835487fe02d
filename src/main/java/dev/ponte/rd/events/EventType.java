package dev.ponte.rd.events;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * RD's event types, each with the record its payload is read into: the 13 of RD's Events API
 * document, then the {@code ECOMMERCE_*} family RD published later, which replaces the document's
 * four e-commerce types.
 */
public enum EventType {
    CONVERSION(ConversionPayload.class),
    OPPORTUNITY(OpportunityPayload.class),
    OPPORTUNITY_LOST(OpportunityLostPayload.class),
    SALE(SalePayload.class),
    ORDER_PLACED(OrderPlacedPayload.class),
    ORDER_PLACED_ITEM(OrderPlacedItemPayload.class),
    CART_ABANDONED(CartAbandonedPayload.class),
    CART_ABANDONED_ITEM(CartAbandonedItemPayload.class),
    CHAT_STARTED(ChatStartedPayload.class),
    CHAT_FINISHED(ChatFinishedPayload.class),
    CALL_FINISHED(CallFinishedPayload.class),
    MEDIA_PLAYBACK_STARTED(MediaPlaybackStartedPayload.class),
    MEDIA_PLAYBACK_STOPPED(MediaPlaybackStoppedPayload.class),
    ECOMMERCE_CHECKOUT_STARTED(EcommerceCheckoutStartedPayload.class),
    ECOMMERCE_CART_ABANDONED(EcommerceCartAbandonedPayload.class),
    ECOMMERCE_ORDER_PLACED(EcommerceOrderPlacedPayload.class),
    ECOMMERCE_ORDER_PAID(EcommerceOrderPaidPayload.class),
    ECOMMERCE_ORDER_FULFILLED(EcommerceOrderFulfilledPayload.class),
    ECOMMERCE_SHIPMENT_DELIVERED(EcommerceShipmentDeliveredPayload.class),
    ECOMMERCE_ORDER_CANCELLED(EcommerceOrderCancelledPayload.class),
    ECOMMERCE_ORDER_REFUNDED(EcommerceOrderRefundedPayload.class);

    private final Class<? extends RdPayload> payloadType;

    EventType(Class<? extends RdPayload> payloadType) {
        this.payloadType = payloadType;
    }

    public Class<? extends RdPayload> payloadType() {
        return payloadType;
    }

    /**
     * Whether this is one of RD's {@code ECOMMERCE_*} types: sent with {@code ?event_type=}, open
     * only to accounts with RD Station Marketing para Ecommerce, and possibly refused in batches.
     */
    public boolean ecommerce() {
        return name().startsWith("ECOMMERCE_");
    }

    public static Optional<EventType> named(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
