package dev.ponte.vendors.woocommerce;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** The parts of WooCommerce's order (REST API v3 representation, which webhooks deliver) that RD's events need. */
@RegisterForReflection
public record WooOrder(
        String id,
        String number,
        String status,
        String total,
        String paymentMethod,
        String paymentMethodTitle,
        Billing billing,
        List<LineItem> lineItems) {

    @RegisterForReflection
    public record Billing(String firstName, String lastName, String email, String phone) {
    }

    @RegisterForReflection
    public record LineItem(String id, String name, String productId, String variationId, String sku, Integer quantity) {
    }
}
