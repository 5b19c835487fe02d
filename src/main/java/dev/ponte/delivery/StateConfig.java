package dev.ponte.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
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

    enum Kind { embedded, memory }
}
