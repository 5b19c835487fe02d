package dev.ponte.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Where delivered keys are remembered, and for how long. */
@ConfigMapping(prefix = "ponte.dedupe")
public interface DedupeConfig {

    /** {@code PONTE_DEDUPE_TABLE}: a DynamoDB table (pk String, TTL attribute expires_at); unset keeps keys in memory. */
    Optional<String> table();

    /** How long a delivered key is remembered; vendors redeliver for up to 48 h. */
    @WithDefault("72h")
    Duration ttl();

    /**
     * How long a claim without an outcome holds. A process that dies mid-delivery leaves its
     * claim behind; after this, a redelivery may deliver again.
     */
    @WithDefault("60s")
    Duration claimTimeout();
}
