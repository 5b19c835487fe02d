package dev.ponte.bench;

import dev.ponte.delivery.Intake;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The same burst in direct mode: each webhook sent to RD while its sender waits. What RD's rate
 * limit refuses is parked and redelivered by the sweep, paced and batched: the total is how long
 * until RD has every event, with no operator.
 */
@Tag("bench")
@QuarkusTest
@TestProfile(DirectBurstBenchmark.Sweeping.class)
@WithTestResource(RateLimitedRd.class)
class DirectBurstBenchmark {

    public static class Sweeping implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ponte.redelivery.poll", "true", "ponte.redelivery.every", "5s");
        }
    }

    @Inject
    Intake intake;

    @Test
    void burst() throws Exception {
        RateLimitedRd.resetCounters();
        long started = System.nanoTime();
        Burst.Sent sent = Burst.send(intake);
        Burst.awaitEvents(Burst.ORDERS * 4L);
        Burst.report("direct", sent, (System.nanoTime() - started) / 1_000_000);
    }
}
