package dev.ponte.vendors.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** The parts of WooCommerce's order (REST API v3 representation, which webhooks deliver) that RD's events need. */
@RegisterForReflection
public record WooOrder(
        String id,
        String number,
        String status,
        String currency,
        String total,
        String shippingTotal,
        String datePaid,
        String paymentMethod,
        String paymentMethodTitle,
        Billing billing,
        Shipping shipping,
        List<LineItem> lineItems,
        List<Refund> refunds,
        List<Meta> metaData) {

    @RegisterForReflection
    public record Billing(String firstName, String lastName, String email, String phone, String country) {
    }

    @RegisterForReflection
    public record Shipping(String city, String state, String country) {
    }

    @RegisterForReflection
    public record LineItem(String id, String name, String productId, String variationId, String sku, Integer quantity,
            String price, Image image) {
    }

    @RegisterForReflection
    public record Image(String src) {
    }

    /** One refund of the order, as the order lists it: its id and a negative total. */
    @RegisterForReflection
    public record Refund(String id, String total) {
    }

    /** Order meta, where extensions keep what they add (the Shipment Tracking extension its tracking items). */
    @RegisterForReflection
    public record Meta(String key, JsonNode value) {
    }
}
