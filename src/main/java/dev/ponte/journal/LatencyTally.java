package dev.ponte.journal;

import io.micrometer.core.instrument.distribution.TimeWindowMax;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * One kind of wait, counted as a Micrometer timer would count it (how many, their total, the
 * longest in the last two minutes) without a registry: {@link TrafficMeters} shows it on
 * {@code /q/metrics} once something scrapes.
 */
final class LatencyTally {

    /** As Micrometer's timers keep their maximum: over two minutes, in three rotating windows. */
    private static final long ROTATE_MILLIS = 40_000;
    private static final int WINDOWS = 3;

    private final LongAdder count = new LongAdder();
    private final LongAdder nanos = new LongAdder();
    private final TimeWindowMax max;

    LatencyTally(Clock clock) {
        this.max = new TimeWindowMax(new io.micrometer.core.instrument.Clock() {
            @Override
            public long wallTime() {
                return clock.millis();
            }

            @Override
            public long monotonicTime() {
                return System.nanoTime();
            }
        }, ROTATE_MILLIS, WINDOWS);
    }

    void record(long nanos) {
        count.increment();
        this.nanos.add(nanos);
        max.record(nanos, TimeUnit.NANOSECONDS);
    }

    long count() {
        return count.sum();
    }

    double totalNanos() {
        return nanos.sum();
    }

    double maxSeconds() {
        return max.poll(TimeUnit.SECONDS);
    }
}
