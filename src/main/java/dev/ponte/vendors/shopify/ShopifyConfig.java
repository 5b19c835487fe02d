package dev.ponte.vendors.shopify;

import dev.ponte.mapping.StoreSettings;
import io.smallrye.config.ConfigMapping;

/** {@code PONTE_VENDORS_SHOPIFY_SECRET} is the app's client secret (Shopify signs webhooks with it). */
@ConfigMapping(prefix = "ponte.vendors.shopify")
public interface ShopifyConfig extends StoreSettings {
}
