package dev.ponte.vendors.shopify;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A refund of an order (refunds/create); it names the order, not the buyer. */
@RegisterForReflection
public record ShopifyRefund(String id, String orderId) {
}
