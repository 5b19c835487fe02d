package dev.ponte.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedeliveryScheduleTest {

    private final RedeliverySchedule schedule = new RedeliverySchedule(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(12)), Duration.ofDays(3));
    private final Instant parked = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void aTransientLetterIsTriedAtEachStepOfTheScheduleThenEveryTwelveHoursUntilThreeDays() {
        List<Duration> waits = new ArrayList<>();
        Instant now = parked;
        for (int attempts = 1; ; attempts++) {
            Optional<Instant> next = schedule.next(Cause.RD_UNAVAILABLE, attempts, parked, now, null);
            if (next.isEmpty()) {
                break;
            }
            waits.add(Duration.between(now, next.get()));
            now = next.get();
        }
        assertThat(waits).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
                Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(12), Duration.ofHours(12), Duration.ofHours(12),
                Duration.ofHours(12), Duration.ofHours(12));
        assertThat(Duration.between(parked, now)).isLessThanOrEqualTo(Duration.ofDays(3));
    }

    @Test
    void rdsRetryAfterWinsWhenLonger() {
        assertThat(schedule.next(Cause.RATE_LIMITED, 1, parked, parked, Duration.ofSeconds(120)))
                .contains(parked.plusSeconds(120));
        assertThat(schedule.next(Cause.RATE_LIMITED, 1, parked, parked, Duration.ofSeconds(5)))
                .contains(parked.plusSeconds(60));
    }

    @Test
    void permanentCausesWaitForTheOperator() {
        for (Cause cause : List.of(Cause.REJECTED, Cause.INVALID, Cause.CREDENTIALS_REFUSED, Cause.MAYBE_DELIVERED,
                Cause.NO_CONTACT)) {
            assertThat(schedule.next(cause, 1, parked, parked, null)).as(cause.name()).isEmpty();
        }
        assertThat(schedule.next(Cause.VENDOR_API_UNAVAILABLE, 1, parked, parked, null)).isPresent();
    }
}
