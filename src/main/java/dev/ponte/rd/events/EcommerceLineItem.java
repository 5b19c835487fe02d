package dev.ponte.rd.events;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.math.BigDecimal;
import java.util.List;

/** One line of an {@code ECOMMERCE_*} event's {@code line_items}: a product, its unit price and how many. */
@RecordBuilder
public record EcommerceLineItem(
        String productId,
        String productTitle,
        BigDecimal price,
        Integer quantity,
        String sku,
        String variantId,
        String variantTitle,
        String productUrl,
        String imageUrl,
        List<String> categories) {
}
