package dev.ponte.vendors.shopify;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A carrier's news of one shipment (fulfillment_events/create): {@code status} {@code delivered} is the one RD hears of. */
@RegisterForReflection
public record ShopifyFulfillmentEvent(String id, String fulfillmentId, String orderId, String status) {
}
