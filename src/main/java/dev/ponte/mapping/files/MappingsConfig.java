package dev.ponte.mapping.files;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Where the user's own mapping files are. */
@ConfigMapping(prefix = "ponte.mappings")
public interface MappingsConfig {

    /** {@code PONTE_MAPPINGS_DIR}: a directory of {@code <vendor>.yaml} files, read at start-up. */
    Optional<String> dir();

    /** {@code PONTE_MAPPINGS_RELOAD}: read a changed file in the directory again without a restart (on in dev mode). */
    @io.smallrye.config.WithDefault("false")
    boolean reload();
}
