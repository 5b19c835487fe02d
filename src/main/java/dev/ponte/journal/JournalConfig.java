package dev.ponte.journal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The journal of recent deliveries the console shows. */
@ConfigMapping(prefix = "ponte.journal")
public interface JournalConfig {

    /** {@code PONTE_JOURNAL_SIZE}: how many recent requests are kept in memory; the oldest go first. */
    @WithDefault("2000")
    int size();

    /**
     * {@code PONTE_JOURNAL_TTL}: how long the journal keeps a request when it lives in the DynamoDB
     * table ({@code PONTE_DEDUPE_TABLE} set).
     */
    @WithDefault("7d")
    Duration ttl();
}
