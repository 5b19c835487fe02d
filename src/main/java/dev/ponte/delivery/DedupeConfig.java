package dev.ponte.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Where delivery keys are remembered when instances share them, and for how long. */
@ConfigMapping(prefix = "ponte.dedupe")
public interface DedupeConfig {

    /**
     * {@code PONTE_DEDUPE_TABLE}: a DynamoDB table (pk String, TTL attribute expires_at, index
     * {@code due}) holding all of Ponte's state, shared by every instance. Unset: the local store.
     */
    Optional<String> table();

    /** {@code PONTE_DEDUPE_TTL}: how long a delivered key is remembered; vendors redeliver for up to 48 h. */
    @WithDefault("72h")
    Duration ttl();

    /**
     * {@code PONTE_DEDUPE_CLAIM_TIMEOUT}: how long a claim may go without an outcome before its
     * process is taken for gone. Longer than any request can be in flight (the worker's budget
     * plus one attempt timeout); the delivery it guarded is then listed as maybe delivered.
     */
    @WithDefault("2m")
    Duration claimTimeout();

    /**
     * {@code PONTE_DEDUPE_REPLAY_WINDOW}: how long a signed body is remembered, so that a copy of it
     * under another delivery id is taken for a replay ({@link ReplayGuard}). As long as the TTL by
     * default: what vendors may still redeliver.
     */
    @WithDefault("72h")
    Duration replayWindow();
}
