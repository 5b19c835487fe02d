package dev.ponte.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.testing.WireMockRd;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A server sweeps every {@code PONTE_REDELIVERY_EVERY}, the first time one period after its start,
 * never during it (a sweep a second in fell inside a slow machine's start and lengthened it).
 * {@link OutageRecoveryTest} has the sweeps run and deliver with nobody asking.
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
    RedeliveryTimer timer;

    @Inject
    Clock clock;

    @Test
    void theFirstSweepComesAPeriodAfterTheStart() {
        assertThat(timer.nextSweep()).hasValueSatisfying(
                next -> assertThat(next).isAfter(clock.instant().plus(Duration.ofMinutes(55))));
    }
}
