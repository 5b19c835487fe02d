package dev.ponte.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a dead letter is tried again: after its n-th attempt, the n-th wait of the schedule (the
 * last one repeating), or RD's {@code Retry-After} if that is longer; never once the letter is
 * older than the maximum age. Only causes that pass are retried; the others wait for the operator.
 */
@ApplicationScoped
public class RedeliverySchedule {

    private final List<Duration> waits;
    private final Duration maxAge;

    @Inject
    public RedeliverySchedule(RedeliveryConfig config) {
        this(config.schedule(), config.maxAge());
    }

    public RedeliverySchedule(List<Duration> waits, Duration maxAge) {
        if (waits.isEmpty()) {
            throw new IllegalArgumentException("PONTE_REDELIVERY_SCHEDULE needs at least one wait");
        }
        this.waits = List.copyOf(waits);
        this.maxAge = maxAge;
    }

    /** The next automatic attempt, or empty: held for the operator, or given up. */
    public Optional<Instant> next(Cause cause, int attempts, Instant parkedAt, Instant now, Duration retryAfter) {
        if (!cause.retriedAutomatically()) {
            return Optional.empty();
        }
        Duration wait = waits.get(Math.min(Math.max(attempts, 1), waits.size()) - 1);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        Instant next = now.plus(wait);
        return next.isAfter(parkedAt.plus(maxAge)) ? Optional.empty() : Optional.of(next);
    }

    /** The first wait: how long a letter that was not tried at all waits for the next sweep to try it. */
    public Duration first() {
        return waits.get(0);
    }
}
