package dev.ponte.vendors.aircall;

import dev.ponte.mapping.VendorSettings;
import io.smallrye.config.ConfigMapping;

/** {@code PONTE_VENDORS_AIRCALL_SECRET} is the webhook's token (Integrations → Webhook), which Aircall puts in every body. */
@ConfigMapping(prefix = "ponte.vendors.aircall")
public interface AircallConfig extends VendorSettings {
}
