package dev.ponte.testing;

import dev.ponte.delivery.state.MemoryStateStore;
import dev.ponte.delivery.state.Retention;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** A state store in memory for unit tests, with Ponte's default retention. */
public final class TestState {

    private TestState() {
    }

    public static MemoryStateStore store(Clock clock) {
        return new MemoryStateStore(clock, new Retention(Duration.ofHours(72), Duration.ofMinutes(2), Duration.ofDays(6)));
    }

    public static MemoryStateStore store() {
        return store(new MutableClock(Instant.parse("2026-11-27T12:00:00Z")));
    }
}
