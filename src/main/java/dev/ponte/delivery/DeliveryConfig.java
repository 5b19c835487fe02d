package dev.ponte.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How accepted deliveries reach RD: right away, or through a queue and a worker. */
@ConfigMapping(prefix = "ponte.delivery")
public interface DeliveryConfig {

    /** {@code PONTE_DELIVERY_MODE}: {@code direct} sends while the vendor waits; {@code queue} enqueues and answers 202. */
    @WithDefault("direct")
    Mode mode();

    enum Mode { direct, queue }
}
