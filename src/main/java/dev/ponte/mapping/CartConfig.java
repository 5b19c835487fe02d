package dev.ponte.mapping;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long a checkout waits for its order before it counts as an abandoned cart. */
@ConfigMapping(prefix = "ponte.cart")
public interface CartConfig {

    /** {@code PONTE_CART_ABANDONED_AFTER}: measured from the checkout's last change. */
    @WithDefault("1h")
    Duration abandonedAfter();
}
