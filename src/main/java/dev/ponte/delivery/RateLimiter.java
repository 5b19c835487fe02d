package dev.ponte.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Paces requests to RD under the account's limit: a token bucket of one token refilled every
 * 60 s / limit, so no rolling minute ever sees more than the limit. Batching makes the pace cheap:
 * each request carries up to 0.2 MB of events.
 */
public final class RateLimiter {

    /** How a caller waits; tests replace it. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Clock clock;
    private final Sleeper sleeper;
    private final long intervalNanos;
    private long nextFreeNanos;

    public RateLimiter(int perMinute, Clock clock, Sleeper sleeper) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("PONTE_RD_RATE_LIMIT_PER_MINUTE must be at least 1, not " + perMinute);
        }
        this.clock = clock;
        this.sleeper = sleeper;
        this.intervalNanos = Duration.ofMinutes(1).toNanos() / perMinute;
    }

    /**
     * Waits for the next free slot if it comes before {@code deadline}, and takes it; returns
     * false, taking nothing, when it would come later.
     */
    public boolean acquire(Instant deadline) throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = nanos(clock.instant());
            long at = Math.max(now, nextFreeNanos);
            if (at > nanos(deadline)) {
                return false;
            }
            nextFreeNanos = at + intervalNanos;
            wait = at - now;
        }
        if (wait > 0) {
            sleeper.sleep(Duration.ofNanos(wait));
        }
        return true;
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
