package dev.ponte.rd.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** The {@code payload} of one RD event; each implementation is one of RD's event types. */
public sealed interface RdPayload
        permits ConversionPayload, OpportunityPayload, SalePayload, OpportunityLostPayload,
        OrderPlacedPayload, OrderPlacedItemPayload, CartAbandonedPayload, CartAbandonedItemPayload,
        ChatStartedPayload, ChatFinishedPayload, CallFinishedPayload,
        MediaPlaybackStartedPayload, MediaPlaybackStoppedPayload,
        EcommerceCheckoutStartedPayload, EcommerceCartAbandonedPayload, EcommerceOrderPlacedPayload,
        EcommerceOrderPaidPayload, EcommerceOrderFulfilledPayload, EcommerceShipmentDeliveredPayload,
        EcommerceOrderCancelledPayload, EcommerceOrderRefundedPayload {

    @JsonIgnore
    EventType eventType();

    /** Every RD event names its contact by email; delivery logs (masked) and dedupes by it. */
    String email();
}
