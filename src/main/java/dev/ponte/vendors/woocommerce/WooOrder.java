package dev.ponte.vendors.woocommerce;

import java.util.List;

/** The parts of WooCommerce's order (REST API v3 representation, which webhooks deliver) that RD's events need. */
public record WooOrder(
        String id,
        String number,
        String status,
        String total,
        String paymentMethod,
        String paymentMethodTitle,
        Billing billing,
        List<LineItem> lineItems) {

    public record Billing(String firstName, String lastName, String email, String phone) {
    }

    public record LineItem(String id, String name, String productId, String variationId, String sku, Integer quantity) {
    }
}
