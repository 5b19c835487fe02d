package dev.ponte.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static dev.ponte.testing.RdStubs.BATCH;
import static dev.ponte.testing.RdStubs.EVENTS;
import static dev.ponte.testing.RdStubs.json;
import static dev.ponte.testing.RdStubs.operator;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ponte.mapping.Signatures;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.InjectRd;
import dev.ponte.testing.RdStubs;
import dev.ponte.testing.WireMockRd;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * RD goes down for 30 seconds in the middle of a stream of 200 Shopify webhooks and 200 /events
 * calls, then comes back. Nobody calls /admin: every event must be in RD exactly once, counted
 * in what the stand-in for RD accepted. The redelivery schedule is shortened (3 s, 5 s, 10 s)
 * so the test takes a minute, not the few minutes of the default schedule.
 */
@QuarkusTest
@TestProfile(OutageRecoveryTest.Sweeping.class)
@WithTestResource(WireMockRd.class)
class OutageRecoveryTest {

    public static class Sweeping implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ponte.redelivery.poll", "true", "ponte.redelivery.every", "1s",
                    "ponte.redelivery.schedule", "3s,5s,10s", "ponte.rd.rate-limit-per-minute", "600");
        }
    }

    static final int WEBHOOKS = 200;
    static final int EVENTS_CALLS = 200;
    static final String RUN = UUID.randomUUID().toString().substring(0, 6);

    @InjectRd
    WireMockServer rd;

    void rdUp() {
        rd.stubFor(post(urlEqualTo(BATCH)).willReturn(json(200, "{\"event_batch_uuid\":\"b\",\"events\":[]}")));
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(json(200, "{\"event_uuid\":\"u\"}")));
    }

    void rdDown() {
        rd.stubFor(post(urlMatching("/platform/events.*")).willReturn(json(503, "Service Unavailable")));
    }

    @Test
    void everyEventReachesRdExactlyOnceAfterAThirtySecondOutageWithNoOperator() throws Exception {
        RdStubs.reset(rd);
        rdUp();
        String order = Fixtures.text("vendors/shopify/orders-create.json");
        String sale = Fixtures.rdExample(dev.ponte.rd.events.EventType.SALE);
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<Future<?>> sent = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < WEBHOOKS + EVENTS_CALLS; i++) {
            int n = i / 2;
            boolean webhook = i % 2 == 0;
            long at = i * 90L;
            sleepUntil(start, at);
            if (at >= 3_000 && at < 3_090) {
                rdDown();
            }
            if (at >= 33_000 && at < 33_090) {
                rdUp();
            }
            sent.add(senders.submit(() -> statuses.add(webhook ? shopify(order, n) : events(sale, n))));
        }
        for (Future<?> one : sent) {
            one.get(2, TimeUnit.MINUTES);
        }
        senders.shutdown();
        assertThat(statuses).as("what vendors and callers were answered").allMatch(s -> s == 200 || s == 202);

        Map<String, Integer> inRd = Map.of();
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120); System.nanoTime() < deadline; ) {
            inRd = accepted();
            if (inRd.size() >= WEBHOOKS + EVENTS_CALLS) {
                break;
            }
            Thread.sleep(500);
        }
        Thread.sleep(3_000); // and nothing more arrives
        inRd = accepted();
        assertThat(inRd).hasSize(WEBHOOKS + EVENTS_CALLS);
        assertThat(inRd.values()).as("copies of one event in RD").allMatch(count -> count == 1);
        operator().get("/admin/dead-letters").then().statusCode(200).body("", org.hamcrest.Matchers.hasSize(0));
    }

    private int shopify(String fixture, int n) {
        String body = fixture.replace("\"name\":\"#9999\"", "\"name\":\"#" + RUN + "-" + n + "\"");
        return given().contentType("application/json")
                .header("X-Shopify-Topic", "orders/create")
                .header("X-Shopify-Webhook-Id", RUN + "-webhook-" + n)
                .header("X-Shopify-Hmac-Sha256", Signatures.base64(Signatures.Algorithm.SHA256, WireMockRd.SHOPIFY_SECRET,
                        body.getBytes(StandardCharsets.UTF_8)))
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/webhooks/shopify").statusCode();
    }

    private int events(String fixture, int n) {
        String body = fixture.replaceFirst("\"email\":\\s*\"[^\"]+\"", "\"email\":\"buyer-" + RUN + "-" + n + "@example.com\"");
        return operator().body(body).post("/events").statusCode();
    }

    /** How often RD accepted each order placed and each sale: one key per order id and per buyer. */
    private Map<String, Integer> accepted() {
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode event : RdStubs.acceptedEvents(rd)) {
            String type = event.path("event_type").asText();
            JsonNode payload = event.path("payload");
            if (type.equals("ORDER_PLACED") && payload.path("cf_order_id").asText().startsWith("#" + RUN)) {
                counts.merge(payload.path("cf_order_id").asText(), 1, Integer::sum);
            } else if (type.equals("SALE") && payload.path("email").asText().contains(RUN)) {
                counts.merge(payload.path("email").asText(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static void sleepUntil(long start, long millis) throws InterruptedException {
        long wait = millis - (System.nanoTime() - start) / 1_000_000;
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }
}
