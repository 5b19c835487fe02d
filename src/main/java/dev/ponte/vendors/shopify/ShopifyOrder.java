package dev.ponte.vendors.shopify;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** The parts of Shopify's order payload (orders/* topics) that RD's events need. */
@RegisterForReflection
public record ShopifyOrder(
        String id,
        String name,
        String email,
        String contactEmail,
        String phone,
        String financialStatus,
        String totalPrice,
        String currency,
        String cancelReason,
        String cancelledAt,
        String checkoutToken,
        String orderStatusUrl,
        Boolean buyerAcceptsMarketing,
        List<String> paymentGatewayNames,
        Customer customer,
        Address billingAddress,
        Address shippingAddress,
        List<ShippingLine> shippingLines,
        List<LineItem> lineItems) {

    @RegisterForReflection
    public record Customer(String id, String email, String firstName, String lastName, String phone) {
    }

    @RegisterForReflection
    public record Address(String firstName, String lastName, String name, String phone, String city, String province,
            String provinceCode, String countryCode) {
    }

    @RegisterForReflection
    public record ShippingLine(String title, String price) {
    }

    @RegisterForReflection
    public record LineItem(String id, String productId, String variantId, String sku, Integer quantity, String title,
            String name, String variantTitle, String price) {
    }
}
