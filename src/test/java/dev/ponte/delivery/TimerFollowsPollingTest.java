package dev.ponte.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.testing.WireMockRd;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Where the process does not sweep by itself ({@code PONTE_REDELIVERY_POLL=false}, as on Lambda and
 * in tests), no redelivery timer is set. Where it does, the sweep is due one period on
 * ({@link FirstSweepAfterAPeriodTest}) and runs: {@link OutageRecoveryTest} recovers its dead
 * letters with nobody asking.
 */
@QuarkusTest
@WithTestResource(WireMockRd.class)
class TimerFollowsPollingTest {

    @Inject
    RedeliveryTimer timer;

    @Test
    void aProcessThatDoesNotPollSetsNoTimer() {
        assertThat(timer.nextSweep()).isEmpty();
    }
}
