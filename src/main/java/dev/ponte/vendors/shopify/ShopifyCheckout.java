package dev.ponte.vendors.shopify;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** The parts of Shopify's checkout payload (checkouts/create, checkouts/update) that RD's cart events need. */
@RegisterForReflection
public record ShopifyCheckout(
        String id,
        String token,
        String email,
        String phone,
        String completedAt,
        String currency,
        String totalPrice,
        String abandonedCheckoutUrl,
        Boolean buyerAcceptsMarketing,
        ShopifyOrder.Customer customer,
        ShopifyOrder.Address billingAddress,
        List<ShopifyOrder.LineItem> lineItems) {
}
