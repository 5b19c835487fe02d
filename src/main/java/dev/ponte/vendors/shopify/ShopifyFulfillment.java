package dev.ponte.vendors.shopify;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * The parts of Shopify's fulfillment (fulfillments/create, fulfillments/update) that RD's shipment
 * events need: one shipment of an order, with its carrier's tracking and, once the carrier says
 * so, {@code shipment_status} {@code delivered}.
 */
@RegisterForReflection
public record ShopifyFulfillment(
        String id,
        String orderId,
        String status,
        String shipmentStatus,
        String email,
        String trackingCompany,
        String trackingNumber,
        String trackingUrl,
        List<String> trackingNumbers,
        List<String> trackingUrls) {
}
