package dev.ponte.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static dev.ponte.testing.RdStubs.BATCH;
import static dev.ponte.testing.RdStubs.EVENTS;
import static dev.ponte.testing.RdStubs.accepted;
import static dev.ponte.testing.RdStubs.json;
import static dev.ponte.testing.RdStubs.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ponte.rd.events.EventType;
import dev.ponte.rd.events.RdEvent;
import dev.ponte.rd.events.RdJson;
import dev.ponte.rd.events.SalePayload;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.InjectRd;
import dev.ponte.testing.RdStubs;
import dev.ponte.testing.TestClock;
import dev.ponte.testing.WireMockRd;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every accepted delivery reaches RD exactly once, through outages, redeliveries and copies. */
@QuarkusTest
@WithTestResource(WireMockRd.class)
class DeliveryGuaranteesTest {

    @InjectRd
    WireMockServer rd;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    Deliveries deliveries;

    @Inject
    DeadLetterStore deadLetters;

    @Inject
    DedupeStore dedupe;

    @BeforeEach
    void freshRd() {
        RdStubs.reset(rd);
        breakers.resetAll();
        deadLetters.list(1_000).forEach(letter -> deadLetters.remove(letter.id()));
    }

    static Delivery order(String deliveryId) {
        return new Delivery("shopify", deliveryId, List.of(
                RdJson.event(Fixtures.json("rd/examples/ORDER_PLACED.json")),
                RdJson.event(Fixtures.json("rd/examples/ORDER_PLACED_ITEM.json"))),
                new DeadLetter.StoredRequest("/webhooks/shopify", null, Map.of("X-Shopify-Topic", "orders/create"),
                        "eyJpZCI6NDUwNzg5NDY5fQ=="));
    }

    static Delivery sale(String deliveryId) {
        return new Delivery("woocommerce", deliveryId, List.of(RdJson.event(Fixtures.json("rd/examples/SALE.json"))),
                null);
    }

    static void rdDown(WireMockServer rd) {
        rd.stubFor(post(urlMatching("/platform/events.*")).willReturn(json(503, "Service Unavailable")));
    }

    /** RD recovered, some minutes later: the circuit breaker has closed again. */
    void rdBack(WireMockServer rd) {
        breakers.resetAll();
        rd.resetRequests();
        rd.stubFor(post(urlEqualTo(EVENTS)).willReturn(accepted("sale-uuid")));
        rd.stubFor(post(urlEqualTo(BATCH)).willReturn(json(200,
                "{\"event_batch_uuid\":\"b-1\",\"events\":[{\"event_uuid\":\"o-1\"},{\"event_uuid\":\"i-1\"}]}")));
    }

    @Test
    void anOutageLongerThanTheBudgetParksThenReplayDeliversEachEventOnce() {
        rdDown(rd);
        Receipt order = deliveries.deliver(order("d-outage-1"));
        Receipt sale = deliveries.deliver(sale("d-outage-2"));
        assertThat(order).isInstanceOfSatisfying(Receipt.Parked.class,
                p -> assertThat(p.reason()).startsWith("RD unavailable: RD answered HTTP 503"));
        assertThat(sale).isInstanceOf(Receipt.Parked.class);

        operator().get("/admin/dead-letters").then().statusCode(200)
                .body("", hasSize(2))
                .body("vendor", contains("shopify", "woocommerce"))
                .body("delivery_id", contains("d-outage-1", "d-outage-2"))
                .body("[0].reason", containsString("HTTP 503"))
                .body("[0].events.event_type", contains("ORDER_PLACED", "ORDER_PLACED_ITEM"));

        rdBack(rd);
        operator().post("/admin/dead-letters/replay").then().statusCode(200)
                .body("delivered", equalTo(2)).body("deduplicated", equalTo(0)).body("still_failing", equalTo(0));
        operator().post("/admin/dead-letters/replay").then().statusCode(200).body("delivered", equalTo(0));
        operator().get("/admin/dead-letters").then().body("", hasSize(0));

        rd.verify(1, postRequestedFor(urlEqualTo(BATCH)));
        rd.verify(1, postRequestedFor(urlEqualTo(EVENTS)));
        // And a redelivery by the vendor afterwards changes nothing.
        assertThat(deliveries.deliver(order("d-outage-1"))).isInstanceOf(Receipt.Duplicate.class);
        rd.verify(1, postRequestedFor(urlEqualTo(BATCH)));
    }

    @Test
    void aRedeliveryThatWinsMakesTheReplayADuplicate() {
        rdDown(rd);
        assertThat(deliveries.deliver(sale("d-race"))).isInstanceOf(Receipt.Parked.class);
        rdBack(rd);

        assertThat(deliveries.deliver(sale("d-race"))).isInstanceOf(Receipt.Delivered.class);
        operator().post("/admin/dead-letters/replay").then().statusCode(200)
                .body("delivered", equalTo(0)).body("deduplicated", equalTo(1));

        rd.verify(1, postRequestedFor(urlEqualTo(EVENTS)));
    }

    @Test
    void aReplayThatFailsAgainKeepsTheLetterWithItsNewReason() {
        rdDown(rd);
        Receipt.Parked parked = (Receipt.Parked) deliveries.deliver(sale("d-still-down"));
        int attempts = parked.attempts();
        // Parking may have tripped the breaker; the replay must meet RD's own 503, not the open circuit.
        breakers.resetAll();

        operator().post("/admin/dead-letters/" + parked.deadLetterId() + "/replay").then().statusCode(200)
                .body("outcome", equalTo("still_failing")).body("reason", containsString("HTTP 503"));

        DeadLetter letter = deadLetters.get(parked.deadLetterId()).orElseThrow();
        assertThat(letter.attempts()).isGreaterThan(attempts);
        operator().post("/admin/dead-letters/no-such-id/replay").then().statusCode(404);
    }

    @Test
    void eventsRdWouldRefuseAreParkedWithoutBeingSent() {
        Delivery invalid = new Delivery("woocommerce", "d-invalid",
                List.of(RdEvent.of(new SalePayload("not-an-email", "default", new BigDecimal("10.00")))), null);

        assertThat(deliveries.deliver(invalid)).isInstanceOfSatisfying(Receipt.Parked.class,
                p -> assertThat(p.reason()).isEqualTo("RD would refuse the mapped events: $.body.payload.email: Must be an email address."));
        rd.verify(0, postRequestedFor(urlMatching("/platform/.*")));
    }

    @Test
    void rdRejectingTheEventsParksThemWithRdsReason() {
        rd.stubFor(post(urlEqualTo(EVENTS)).willReturn(json(422,
                "{\"errors\":[{\"error_type\":\"CONTACT_NOT_FOUND\",\"error_message\":\"Contact not found.\"}]}")));

        assertThat(deliveries.deliver(sale("d-rejected"))).isInstanceOfSatisfying(Receipt.Parked.class,
                p -> assertThat(p.reason()).isEqualTo("RD refused the events (HTTP 422): CONTACT_NOT_FOUND Contact not found."));
        rd.verify(1, postRequestedFor(urlEqualTo(EVENTS)));
    }

    @Test
    void serverErrorsThenSuccessDeliverOnce() {
        RdStubs.inTurn(rd, EVENTS, List.of(json(500, "{}"), json(500, "{}"), json(500, "{}"), accepted("u-1")));

        assertThat(deliveries.deliver(sale("d-flaky"))).isInstanceOf(Receipt.Delivered.class);
        assertThat(deadLetters.list(10)).isEmpty();
        rd.verify(4, postRequestedFor(urlEqualTo(EVENTS)));
    }

    @Test
    void theSameDeliveryTwiceIsSentOnce() {
        rdBack(rd);
        assertThat(deliveries.deliver(sale("d-twice"))).isInstanceOf(Receipt.Delivered.class);
        assertThat(deliveries.deliver(sale("d-twice"))).isEqualTo(new Receipt.Duplicate(false, "{\"event_uuid\":\"sale-uuid\"}"));
        rd.verify(1, postRequestedFor(urlEqualTo(EVENTS)));
    }

    @Test
    void eightConcurrentCopiesAreSentOnce() throws Exception {
        rd.stubFor(post(urlEqualTo(EVENTS)).willReturn(accepted("u-1").withFixedDelay(300)));
        List<Receipt> receipts = concurrently(8, () -> deliveries.deliver(sale("d-eight")));

        assertThat(receipts).filteredOn(Receipt.Delivered.class::isInstance).hasSize(1);
        assertThat(receipts).filteredOn(Receipt.Duplicate.class::isInstance).hasSize(7);
        rd.verify(1, postRequestedFor(urlEqualTo(EVENTS)));
    }

    @Test
    void eventsWithOneIdempotencyKeyAreSentOnce() throws Exception {
        rd.stubFor(post(urlEqualTo(EVENTS)).willReturn(accepted("u-idem").withFixedDelay(300)));
        String sale = Fixtures.rdExample(EventType.SALE);
        List<Integer> statuses = concurrently(8, () -> operator().header("Idempotency-Key", "order-1001-paid")
                .body(sale).post("/events").statusCode());

        // Copies that overlap the first get 409; later ones get its answer replayed.
        assertThat(statuses).allMatch(status -> status == 200 || status == 409).contains(200);
        rd.verify(1, postRequestedFor(urlEqualTo(EVENTS)));

        Response later = operator().header("Idempotency-Key", "order-1001-paid").body(sale).post("/events");
        assertThat(later.statusCode()).isEqualTo(200);
        assertThat(later.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(later.jsonPath().getString("event_uuid")).isEqualTo("u-idem");
        rd.verify(1, postRequestedFor(urlEqualTo(EVENTS)));
    }

    @Test
    void aFailedRequestLeavesItsIdempotencyKeyFreeForTheRetry() {
        rd.stubFor(post(urlEqualTo(EVENTS)).willReturn(json(503, "")));
        String sale = Fixtures.rdExample(EventType.SALE);
        operator().header("Idempotency-Key", "retry-me").body(sale).post("/events").then().statusCode(503);

        rdBack(rd);
        operator().header("Idempotency-Key", "retry-me").body(sale).post("/events").then().statusCode(200)
                .header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());
        rd.verify(1, postRequestedFor(urlEqualTo(EVENTS)));
    }

    /**
     * The at-least-once window: a process that dies after RD accepted but before recording it
     * leaves only its claim. Copies are refused while the claim holds; after the claim timeout
     * a redelivery is sent again. Recording happens right after RD's answer, so the window is
     * that gap, and the claim timeout bounds how long a crashed delivery blocks its retries.
     */
    @Test
    void aCrashBetweenRdAcceptingAndRecordingIsCoveredByTheClaim() {
        rdBack(rd);
        String key = sale("d-crash").dedupeKey();
        assertThat(dedupe.claim(key).won()).isTrue(); // the crashed process got this far, and RD took the events

        assertThat(deliveries.deliver(sale("d-crash"))).isEqualTo(new Receipt.Duplicate(true, null));
        rd.verify(0, postRequestedFor(urlEqualTo(EVENTS)));

        TestClock.advance(Duration.ofSeconds(61));
        assertThat(deliveries.deliver(sale("d-crash"))).isInstanceOf(Receipt.Delivered.class);
        rd.verify(1, postRequestedFor(urlEqualTo(EVENTS)));
    }

    private static <T> List<T> concurrently(int copies, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = IntStream.range(0, copies).mapToObj(i -> pool.submit(() -> {
                start.await();
                return task.call();
            })).toList();
            start.countDown();
            List<T> results = new java.util.ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
