package dev.ponte.vendors.nuvemshop;

import dev.ponte.mapping.StoreSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * {@code PONTE_VENDORS_NUVEMSHOP_SECRET} is the app's client secret (it signs the webhooks);
 * {@code PONTE_VENDORS_NUVEMSHOP_ACCESS_TOKEN} the store's access token, to read its orders.
 */
@ConfigMapping(prefix = "ponte.vendors.nuvemshop")
public interface NuvemshopConfig extends StoreSettings {

    /** {@code PONTE_VENDORS_NUVEMSHOP_API_URL}: the API's base URL (the REST client reads it too). */
    @WithDefault("https://api.nuvemshop.com.br")
    String apiUrl();

    Optional<String> accessToken();

    /** Nuvemshop requires a User-Agent naming the app and a contact. */
    @WithDefault("Ponte (https://github.com/ponte-dev/ponte)")
    String userAgent();
}
