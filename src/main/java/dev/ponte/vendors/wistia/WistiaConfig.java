package dev.ponte.vendors.wistia;

import dev.ponte.mapping.VendorSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code PONTE_VENDORS_WISTIA_SECRET} is the webhook's secret key (Account → Settings → Webhooks). */
@ConfigMapping(prefix = "ponte.vendors.wistia")
public interface WistiaConfig extends VendorSettings {

    /** {@code PONTE_VENDORS_WISTIA_CONVERSION_IDENTIFIER}: the RD conversion an email given on a Turnstile becomes. */
    @WithDefault("wistia-turnstile")
    String conversionIdentifier();
}
