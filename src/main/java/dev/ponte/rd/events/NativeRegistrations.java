package dev.ponte.rd.events;

import dev.ponte.rd.RdError;
import dev.ponte.rd.RdErrors;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The records Jackson reads and writes by reflection (and PayloadBinding makes through their
 * canonical constructors). A native image only keeps what is named,
 * so every type on RD's wire is named here.
 */
@RegisterForReflection(targets = {
        RdEvent.class, LegalBase.class, RdError.class, RdErrors.class,
        ConversionPayload.class, OpportunityPayload.class, SalePayload.class, OpportunityLostPayload.class,
        OrderPlacedPayload.class, OrderPlacedItemPayload.class, CartAbandonedPayload.class,
        CartAbandonedItemPayload.class, ChatStartedPayload.class, ChatFinishedPayload.class,
        CallFinishedPayload.class, MediaPlaybackStartedPayload.class, MediaPlaybackStoppedPayload.class,
        EcommerceLineItem.class, EcommerceCheckoutStartedPayload.class, EcommerceCartAbandonedPayload.class,
        EcommerceOrderPlacedPayload.class, EcommerceOrderPaidPayload.class, EcommerceOrderFulfilledPayload.class,
        EcommerceShipmentDeliveredPayload.class, EcommerceOrderCancelledPayload.class,
        EcommerceOrderRefundedPayload.class})
final class NativeRegistrations {

    private NativeRegistrations() {
    }
}
