package dev.ponte.vendors.tawkto;

import dev.ponte.mapping.VendorSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** {@code PONTE_VENDORS_TAWKTO_SECRET} is the webhook's secret key, shown in tawk.to → Administration → Webhooks. */
@ConfigMapping(prefix = "ponte.vendors.tawkto")
public interface TawkToConfig extends VendorSettings {

    /** {@code PONTE_VENDORS_TAWKTO_CONVERSION_IDENTIFIER}: the RD conversion a new ticket becomes. */
    @WithDefault("tawkto-ticket")
    String conversionIdentifier();

    /**
     * {@code PONTE_VENDORS_TAWKTO_MESSAGE_FIELD}: the API identifier of an RD custom field
     * ({@code cf_...}) that receives the ticket's subject and message. Unset, they stay in tawk.to.
     */
    Optional<String> messageField();
}
