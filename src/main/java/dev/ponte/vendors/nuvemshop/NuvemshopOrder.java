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
        String shippingStatus,
        String currency,
        String total,
        String price,
        String shippingCostCustomer,
        String shipping,
        String shippingOption,
        String shippingTrackingNumber,
        String shippingTrackingUrl,
        String gateway,
        String cancelReason,
        String contactEmail,
        String contactName,
        String contactPhone,
        Customer customer,
        Address shippingAddress,
        PaymentDetails paymentDetails,
        List<Product> products) {

    @RegisterForReflection
    public record Customer(String id, String name, String email, String phone) {
    }

    @RegisterForReflection
    public record Address(String city, String province, String country) {
    }

    @RegisterForReflection
    public record PaymentDetails(String method) {
    }

    @RegisterForReflection
    public record Product(String productId, String variantId, String sku, Integer quantity, String name, String price,
            Image image) {
    }

    @RegisterForReflection
    public record Image(String src) {
    }
}
