package dev.ponte.vendors.shopify;

import java.util.List;

/** The parts of Shopify's checkout payload (checkouts/create, checkouts/update) that RD's cart events need. */
public record ShopifyCheckout(
        String id,
        String token,
        String email,
        String phone,
        String completedAt,
        Boolean buyerAcceptsMarketing,
        ShopifyOrder.Customer customer,
        ShopifyOrder.Address billingAddress,
        List<ShopifyOrder.LineItem> lineItems) {
}
