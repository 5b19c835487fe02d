package dev.ponte.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.scheduler.Scheduler;
import dev.ponte.testing.WireMockRd;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Where the process does not sweep by itself ({@code PONTE_REDELIVERY_POLL=false}, as on Lambda and
 * in tests), the scheduler is not started: no timer thread, no job. Where it does, the sweep is
 * scheduled and runs: {@link OutageRecoveryTest} recovers its dead letters with nobody asking.
 */
@QuarkusTest
@WithTestResource(WireMockRd.class)
class SchedulerFollowsPollingTest {

    @Inject
    Scheduler scheduler;

    @Test
    void aProcessThatDoesNotPollStartsNoScheduler() {
        assertThat(scheduler.isStarted()).isFalse();
        assertThat(scheduler.isRunning()).isFalse();
    }
}
