package dev.ponte.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.util.Optional;

/** Where Ponte keeps its state when no DynamoDB table is named. */
@ConfigMapping(prefix = "ponte.state")
public interface StateConfig {

    /** {@code PONTE_STATE}: {@code embedded} (a local file, the default) or {@code memory} (lost on restart; tests). */
    @WithParentName
    @WithDefault("embedded")
    Kind kind();

    /** {@code PONTE_STATE_DIR}: the embedded store's directory; {@code ./ponte-state} when unset. */
    Optional<String> dir();

    /**
     * {@code PONTE_STATE_MEMORY_KEYS}: the memory store holds at most this many delivery keys, and
     * as many facts; past it, those closest to expiring go first (and the log says so).
     */
    @WithName("memory-keys")
    @WithDefault("50000")
    int memoryKeys();

    enum Kind { embedded, memory }
}
