package dev.ponte.vendors.intercom;

import dev.ponte.mapping.VendorSettings;
import io.smallrye.config.ConfigMapping;

/** {@code PONTE_VENDORS_INTERCOM_SECRET} is the app's client secret (Developer Hub → Basic information), which signs notifications. */
@ConfigMapping(prefix = "ponte.vendors.intercom")
public interface IntercomConfig extends VendorSettings {
}
