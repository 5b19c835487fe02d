package dev.ponte.vendors.twilio;

import dev.ponte.mapping.VendorSettings;
import io.smallrye.config.ConfigMapping;

/**
 * {@code PONTE_VENDORS_TWILIO_SECRET} is the account's auth token: Twilio signs every request
 * with it, over the URL it called ({@code PONTE_PUBLIC_URL}) and the form fields.
 */
@ConfigMapping(prefix = "ponte.vendors.twilio")
public interface TwilioConfig extends VendorSettings {
}
