package dev.ponte.bench;

import dev.ponte.delivery.Intake;
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
    Intake intake;

    /**
     * The burst twice: first as the first traffic after start (the state store opened, the SQS
     * calls and everything on the path run for the first time), then again on the running instance.
     */
    @Test
    void burst() throws Exception {
        RateLimitedRd.resetCounters();
        long started = System.nanoTime();
        Burst.Sent sent = Burst.send(intake);
        Burst.awaitEvents(Burst.ORDERS * 4L);
        Burst.report("queue, first traffic after start", sent, (System.nanoTime() - started) / 1_000_000);

        RateLimitedRd.resetCounters();
        started = System.nanoTime();
        sent = Burst.send(intake, Burst.ORDERS);
        Burst.awaitEvents(Burst.ORDERS * 4L);
        Burst.report("queue, running instance", sent, (System.nanoTime() - started) / 1_000_000);
    }

    /** 1 000 single events posted to /events over HTTP: queued like webhooks, sent in batches. */
    @Test
    void eventsBurst() throws Exception {
        RateLimitedRd.resetCounters();
        long started = System.nanoTime();
        Burst.Sent sent = Burst.send(n -> {
            var answer = io.restassured.RestAssured.given().header("Authorization", "Bearer bench")
                    .contentType("application/json").body("{\"event_type\":\"SALE\",\"event_family\":\"CDP\","
                            + "\"payload\":{\"email\":\"comprador" + n + "@example.com.br\",\"funnel_name\":\"default\","
                            + "\"value\":99.90}}").post("/events");
            return answer.statusCode() + " " + answer.jsonPath().getString("outcome");
        });
        Burst.awaitEvents(Burst.ORDERS);
        Burst.report("queue, /events", Burst.ORDERS, sent, (System.nanoTime() - started) / 1_000_000);
    }
}
