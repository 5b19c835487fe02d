package dev.ponte.journal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The journal of recent deliveries the console shows. */
@ConfigMapping(prefix = "ponte.journal")
public interface JournalConfig {

    /** {@code PONTE_JOURNAL_SIZE}: how many recent requests are kept in memory; the oldest go first. */
    @WithDefault("2000")
    int size();
}
