package dev.ponte.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponte.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
    private final List<Duration> waits = new ArrayList<>();
    private final RateLimiter limiter = new RateLimiter(120, clock, waits::add);
    private static final Instant LATER = Instant.parse("2027-01-01T00:00:00Z");

    @Test
    void aSlotAfterTheDeadlineIsNotTaken() throws InterruptedException {
        assertThat(limiter.acquire(clock.instant())).isTrue();
        assertThat(limiter.acquire(clock.instant().plusMillis(499))).isFalse();
        assertThat(limiter.acquire(clock.instant().plusMillis(500))).isTrue();
        assertThat(waits).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void spacesRequestsEvenlyUnderTheLimit() throws InterruptedException {
        limiter.acquire(LATER);
        limiter.acquire(LATER);
        limiter.acquire(LATER);
        assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void timeThatPassedCountsAsWaiting() throws InterruptedException {
        limiter.acquire(LATER);
        clock.advance(Duration.ofMillis(300));
        limiter.acquire(LATER);
        clock.advance(Duration.ofSeconds(5));
        limiter.acquire(LATER);
        assertThat(waits).containsExactly(Duration.ofMillis(200));
    }

    @Test
    void noMinuteSeesMoreThanTheLimit() throws InterruptedException {
        RateLimiter fast = new RateLimiter(500, clock, wait -> clock.advance(wait));
        Instant minuteLater = clock.instant().plus(Duration.ofMinutes(1));
        int sentWithinTheMinute = 0;
        for (int i = 0; i < 600; i++) {
            fast.acquire(LATER);
            if (clock.instant().isBefore(minuteLater)) {
                sentWithinTheMinute++;
            }
        }
        assertThat(sentWithinTheMinute).isEqualTo(500);
    }

    @Test
    void refusesANonsenseLimit() {
        assertThatThrownBy(() -> new RateLimiter(0, clock, waits::add))
                .hasMessageContaining("PONTE_RD_RATE_LIMIT_PER_MINUTE");
    }
}
