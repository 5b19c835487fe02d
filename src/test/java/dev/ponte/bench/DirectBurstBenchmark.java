package dev.ponte.bench;

import dev.ponte.delivery.Deliveries;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The same burst in direct mode: each webhook sent to RD while its sender waits. */
@Tag("bench")
@QuarkusTest
@WithTestResource(RateLimitedRd.class)
class DirectBurstBenchmark {

    @Inject
    Deliveries deliveries;

    @Test
    void burst() throws Exception {
        RateLimitedRd.resetCounters();
        Burst.Sent sent = Burst.send(deliveries);
        Burst.report("direct", sent, sent.millis());
    }
}
