package dev.ponte.vendors.tawkto;

import dev.ponte.mapping.VendorSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code PONTE_VENDORS_TAWKTO_SECRET} is the webhook's secret key, shown in tawk.to → Administration → Webhooks. */
@ConfigMapping(prefix = "ponte.vendors.tawkto")
public interface TawkToConfig extends VendorSettings {

    /** {@code PONTE_VENDORS_TAWKTO_CONVERSION_IDENTIFIER}: the RD conversion a new ticket becomes. */
    @WithDefault("tawkto-ticket")
    String conversionIdentifier();
}
