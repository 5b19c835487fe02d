package dev.ponte.delivery;

import dev.ponte.rd.RdConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * This process's pace under the account's RD rate limit ({@code PONTE_RD_RATE_LIMIT_PER_MINUTE}),
 * shared by everything that sends in the background (the queue worker, redelivery), so together
 * they stay under it. Senders a vendor is waiting for are not paced: RD's own 429 tells them.
 */
@ApplicationScoped
public class RdPace {

    private final RateLimiter limiter;

    @Inject
    public RdPace(RdConfig config, Clock clock) {
        this.limiter = new RateLimiter(config.rateLimitPerMinute(), clock,
                d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000));
    }

    /** Waits for a slot before {@code deadline}; false when none comes in time. */
    public boolean await(Instant deadline) {
        try {
            return limiter.acquire(deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
