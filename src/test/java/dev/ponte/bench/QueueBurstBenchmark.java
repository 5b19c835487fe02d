package dev.ponte.bench;

import dev.ponte.delivery.Deliveries;
import dev.ponte.testing.ElasticMq;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** 1 000 orders × 3 items through queue mode into an RD that allows 120 requests a minute. */
@Tag("bench")
@QuarkusTest
@TestProfile(QueueBurstBenchmark.Queue.class)
@WithTestResource(RateLimitedRd.class)
class QueueBurstBenchmark {

    public static class Queue implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ponte.delivery.mode", "queue", "ponte.queue.url", ElasticMq.queue("ponte-bench"),
                    "ponte.queue.batch-size", "500");
        }
    }

    @Inject
    Deliveries deliveries;

    @Test
    void burst() throws Exception {
        RateLimitedRd.resetCounters();
        long started = System.nanoTime();
        Burst.Sent sent = Burst.send(deliveries);
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (RateLimitedRd.EVENTS.get() < Burst.ORDERS * 4L && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Burst.report("queue", sent, (System.nanoTime() - started) / 1_000_000);
    }
}
