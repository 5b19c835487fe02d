package dev.ponte.vendors.nuvemshop;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** The parts of Nuvemshop's order resource ({@code GET /v1/{store_id}/orders/{id}}) that RD's events need. */
@RegisterForReflection
public record NuvemshopOrder(
        String id,
        String number,
        String status,
        String paymentStatus,
        String total,
        String price,
        String gateway,
        String cancelReason,
        String contactEmail,
        String contactName,
        Customer customer,
        PaymentDetails paymentDetails,
        List<Product> products) {

    @RegisterForReflection
    public record Customer(String id, String name, String email, String phone) {
    }

    @RegisterForReflection
    public record PaymentDetails(String method) {
    }

    @RegisterForReflection
    public record Product(String productId, String variantId, String sku, Integer quantity, String name) {
    }
}
