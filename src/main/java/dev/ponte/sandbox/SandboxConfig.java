package dev.ponte.sandbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The local RD look-alike. On in dev mode only, unless {@code PONTE_SANDBOX_ENABLED=true}. */
@ConfigMapping(prefix = "ponte.sandbox")
public interface SandboxConfig {

    @WithDefault("false")
    boolean enabled();

    /** The port it listens on; point {@code PONTE_RD_URL} at {@code http://localhost:<port>}. */
    @WithDefault("8089")
    int port();

    /** How many accepted events it keeps for the pages; older ones are dropped. */
    @WithDefault("1000")
    int keep();
}
