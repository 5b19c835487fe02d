package dev.ponte.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console's last hour and last day: what is older drops out, a minute at a time, and a day-old slot counts nothing. */
class TrafficTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:30Z"));
    private final Traffic traffic = new Traffic(clock);

    @Test
    void countsFallOutOfTheirWindowAsTimeGoesOn() {
        traffic.received("shopify", "orders/create", "delivered");
        traffic.received("shopify", "orders/create", "delivered");
        traffic.received("shopify", null, "forged");
        traffic.rd("accepted", 1_000_000);
        clock.advance(Duration.ofMinutes(30));
        traffic.received("shopify", "orders/create", "delivered");
        traffic.received("kiwify", "order_approved", "parked");
        traffic.rd("rate_limited", 2_000_000);

        assertThat(traffic.received(60)).isEqualTo(Map.of("shopify", Map.of("delivered", 3L, "forged", 1L),
                "kiwify", Map.of("parked", 1L)));
        assertThat(traffic.rd(1)).isEqualTo(Map.of("rate_limited", 1L));

        clock.advance(Duration.ofMinutes(45)); // the first minute is 75 minutes ago
        assertThat(traffic.received(60)).isEqualTo(Map.of("shopify", Map.of("delivered", 1L), "kiwify", Map.of("parked", 1L)));
        assertThat(traffic.received(24 * 60)).containsEntry("shopify", Map.of("delivered", 3L, "forged", 1L));
        assertThat(traffic.rd(60)).isEqualTo(Map.of("rate_limited", 1L));

        clock.advance(Duration.ofHours(24)); // every slot is a day old or more: nothing, not last day's counts
        assertThat(traffic.received(24 * 60)).isEmpty();
        traffic.received("shopify", "orders/paid", "duplicate");
        assertThat(traffic.received(24 * 60)).isEqualTo(Map.of("shopify", Map.of("duplicate", 1L)));
    }
}
