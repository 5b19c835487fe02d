package dev.ponte.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** When dead letters are tried again without anyone asking. */
@ConfigMapping(prefix = "ponte.redelivery")
public interface RedeliveryConfig {

    /**
     * {@code PONTE_REDELIVERY_SCHEDULE}: the wait before each automatic attempt, the last one
     * repeating: 1 min, 5 min, 30 min, 2 h, 6 h, then every 12 h. A longer {@code Retry-After} wins.
     */
    @WithDefault("1m,5m,30m,2h,6h,12h")
    List<Duration> schedule();

    /** {@code PONTE_REDELIVERY_MAX_AGE}: after this long since it was parked, a letter gives up and waits for the operator. */
    @WithDefault("3d")
    Duration maxAge();

    /** {@code PONTE_REDELIVERY_EVERY}: how often the HTTP server looks for what is due (letters, timers, orphans). */
    @WithDefault("15s")
    Duration every();

    /**
     * {@code PONTE_REDELIVERY_POLL}: whether this process looks by itself. On Lambda a schedule
     * invokes the redelivery function instead, and this is false.
     */
    @WithDefault("true")
    boolean poll();

    /**
     * {@code PONTE_REDELIVERY_BUDGET}: how long one sweep retries a call RD failed, before the
     * letter waits for its next attempt. Short: the schedule is the retry. A request RD is slow
     * to answer is waited for regardless (up to {@code PONTE_RD_ATTEMPT_TIMEOUT_MS}).
     */
    @WithDefault("5s")
    Duration budget();

    /** How many due letters one sweep takes on. */
    @WithDefault("500")
    int batchSize();
}
