package dev.ponte.vendors.vtex;

import dev.ponte.mapping.StoreSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * {@code PONTE_VENDORS_VTEX_SECRET} is the hook key: VTEX sends it in the header set in the hook
 * configuration ({@link #hookHeader()}). {@code PONTE_VENDORS_VTEX_APP_KEY} and
 * {@code PONTE_VENDORS_VTEX_APP_TOKEN} read the order back from OMS.
 */
@ConfigMapping(prefix = "ponte.vendors.vtex")
public interface VtexConfig extends StoreSettings {

    /** {@code PONTE_VENDORS_VTEX_API_URL}; {@code {account}} becomes the account the hook names. */
    @WithDefault("https://{account}.vtexcommercestable.com.br")
    String apiUrl();

    Optional<String> appKey();

    Optional<String> appToken();

    /** {@code PONTE_VENDORS_VTEX_HOOK_HEADER}: the header that carries the hook key. */
    @WithDefault("X-Ponte-Hook-Key")
    String hookHeader();
}
