package dev.ponte.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.testing.WireMockRd;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A server sweeps every {@code PONTE_REDELIVERY_EVERY}, the first time one period after its start,
 * never during it (a sweep a second in fell inside a slow machine's start and lengthened it).
 */
@QuarkusTest
@TestProfile(FirstSweepAfterAPeriodTest.HourlySweeps.class)
@WithTestResource(WireMockRd.class)
class FirstSweepAfterAPeriodTest {

    public static class HourlySweeps implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ponte.redelivery.poll", "true", "ponte.redelivery.every", "1h");
        }
    }

    @Inject
    Scheduler scheduler;

    @Test
    void theFirstSweepComesAPeriodAfterTheStart() {
        Trigger sweep = scheduler.getScheduledJob("ponte-redelivery");

        assertThat(scheduler.isRunning()).isTrue();
        assertThat(sweep).isNotNull();
        assertThat(sweep.getPreviousFireTime()).isNull();
        assertThat(sweep.getNextFireTime()).isAfter(Instant.now().plus(Duration.ofMinutes(55)));
    }
}
