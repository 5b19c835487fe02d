package dev.ponte.vendors.zoom;

import dev.ponte.mapping.VendorSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code PONTE_VENDORS_ZOOM_SECRET} is the app's secret token (Marketplace → Features → Access), which signs every event. */
@ConfigMapping(prefix = "ponte.vendors.zoom")
public interface ZoomConfig extends VendorSettings {

    /** {@code PONTE_VENDORS_ZOOM_MAX_AGE}: how old a signed request may be before it counts as a replay. */
    @WithDefault("5M")
    Duration maxAge();
}
