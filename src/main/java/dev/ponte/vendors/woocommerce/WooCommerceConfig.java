package dev.ponte.vendors.woocommerce;

import dev.ponte.mapping.StoreSettings;
import io.smallrye.config.ConfigMapping;

/** {@code PONTE_VENDORS_WOOCOMMERCE_SECRET} is the webhook's secret, set in WooCommerce → Settings → Advanced → Webhooks. */
@ConfigMapping(prefix = "ponte.vendors.woocommerce")
public interface WooCommerceConfig extends StoreSettings {
}
