package dev.ponte.mapping;

/** How a purchased product is named in RD's item events, the same for every store. */
public final class Products {

    private Products() {
    }

    /**
     * RD requires a SKU, and stores often leave it empty: then the variant identifies the
     * product, and failing that the product itself. ({@code "0"} is WooCommerce's "no variation".)
     */
    public static String sku(String sku, String variantId, String productId) {
        if (sku != null && !sku.isBlank()) {
            return sku;
        }
        if (variantId != null && !variantId.isBlank() && !"0".equals(variantId)) {
            return variantId;
        }
        return productId;
    }
}
