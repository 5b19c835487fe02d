package dev.ponte.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ponte.delivery.state.StateStore;
import dev.ponte.rd.RdCircuit;
import dev.ponte.rd.events.EventType;
import dev.ponte.rd.events.RdEvent;
import dev.ponte.rd.events.RdJson;
import dev.ponte.rd.events.SalePayloadBuilder;
import dev.ponte.testing.Concurrently;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.FreshState;
import dev.ponte.testing.InjectRd;
import dev.ponte.testing.RdStubs;
import dev.ponte.testing.TestClock;
import dev.ponte.testing.WireMockRd;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every accepted delivery reaches RD exactly once, through outages, redeliveries, copies and
 * crashes, and what waits is brought back without an operator.
 */
@QuarkusTest
@WithTestResource(WireMockRd.class)
class DeliveryGuaranteesTest {

    @InjectRd
    WireMockServer rd;

    @Inject
    FreshState fresh;

    @Inject
    RdCircuit circuit;

    @Inject
    Intake intake;

    @Inject
    Redelivery redelivery;

    @Inject
    DeadLetters deadLetters;

    @Inject
    StateStore store;

    @Inject
    Clock clock;

    @BeforeEach
    void freshRd() {
        fresh.reset(rd);
        redelivery.sweep(); // adopts what earlier tests left behind, out of this test's counts
        deadLetters.list(1_000).forEach(letter -> deadLetters.remove(letter.id()));
    }

    static Delivery order(String deliveryId) {
        return Delivery.builder().source("shopify").deliveryId(deliveryId).events(List.of(
                RdJson.event(Fixtures.json("rd/examples/ORDER_PLACED.json")),
                RdJson.event(Fixtures.json("rd/examples/ORDER_PLACED_ITEM.json"))))
                .request(new DeadLetter.StoredRequest("/webhooks/shopify", null, Map.of("X-Shopify-Topic", "orders/create"),
                        "eyJpZCI6NDUwNzg5NDY5fQ=="))
                .build();
    }

    static Delivery sale(String deliveryId) {
        return Delivery.builder().source("woocommerce").deliveryId(deliveryId)
                .events(List.of(RdJson.event(Fixtures.json("rd/examples/SALE.json")))).build();
    }

    Receipt deliver(Delivery delivery) {
        return intake.accept(delivery, DeliverySink.Urgency.ANSWERING);
    }

    static void rdDown(WireMockServer rd) {
        rd.stubFor(post(urlMatching("/platform/events.*")).willReturn(json(503, "Service Unavailable")));
    }

    static void rdBack(WireMockServer rd) {
        rd.resetRequests();
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(accepted("sale-uuid")));
        rd.stubFor(post(urlEqualTo(BATCH)).willReturn(json(200,
                "{\"event_batch_uuid\":\"b-1\",\"events\":[{\"event_uuid\":\"o-1\"},{\"event_uuid\":\"i-1\"}]}")));
    }

    @Test
    void anOutageParksThenRedeliveryBringsEachEventToRdOnceWithoutAnOperator() {
        rdDown(rd);
        Receipt order = deliver(order("d-outage-1"));
        Receipt sale = deliver(sale("d-outage-2"));
        assertThat(order).isInstanceOfSatisfying(Receipt.Parked.class, p -> {
            assertThat(p.letter().reason()).startsWith("RD unavailable: RD answered HTTP 503");
            assertThat(p.letter().cause()).isEqualTo(Cause.RD_UNAVAILABLE);
            assertThat(Instant.parse(p.letter().nextAttemptAt())).isBetween(clock.instant().plusSeconds(55),
                    clock.instant().plusSeconds(65));
        });
        assertThat(sale).isInstanceOf(Receipt.Parked.class);

        operator().get("/admin/dead-letters").then().statusCode(200)
                .body("", hasSize(2))
                .body("vendor", contains("shopify", "woocommerce"))
                .body("delivery_id", contains("d-outage-1", "d-outage-2"))
                .body("status", contains("waiting", "waiting"))
                .body("cause", contains("rd_unavailable", "rd_unavailable"))
                .body("[0].attempts", equalTo(1))
                .body("[0].next_attempt_at", notNullValue())
                .body("[0].reason", containsString("HTTP 503"))
                .body("[0].events.event_type", contains("ORDER_PLACED", "ORDER_PLACED_ITEM"));

        rdBack(rd);
        assertThat(redelivery.sweep().letters()).isZero(); // not due yet
        TestClock.advance(Duration.ofSeconds(61));
        assertThat(redelivery.sweep().delivered()).isEqualTo(2);
        assertThat(redelivery.sweep().letters()).isZero();
        operator().get("/admin/dead-letters").then().body("", hasSize(0));

        // Both letters went in one batch call, as the rate limit would have it.
        rd.verify(1, postRequestedFor(urlEqualTo(BATCH)));
        rd.verify(0, postRequestedFor(urlPathEqualTo(EVENTS)));
        // And a redelivery by the vendor afterwards changes nothing.
        assertThat(deliver(order("d-outage-1"))).isInstanceOf(Receipt.Duplicate.class);
        rd.verify(1, postRequestedFor(urlEqualTo(BATCH)));
    }

    @Test
    void aRetryAfterLongerThanTheBudgetIsHonouredToTheSecond() {
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(json(429, "{}").withHeader("Retry-After", "120")));
        Receipt.Parked parked = (Receipt.Parked) deliver(sale("d-429"));
        assertThat(parked.letter().cause()).isEqualTo(Cause.RATE_LIMITED);
        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)));

        rdBack(rd);
        TestClock.advance(Duration.ofSeconds(118));
        assertThat(redelivery.sweep().letters()).isZero();
        rd.verify(0, postRequestedFor(urlPathEqualTo(EVENTS)));

        TestClock.advance(Duration.ofSeconds(3));
        assertThat(redelivery.sweep().delivered()).isEqualTo(1);
        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)));
    }

    @Test
    void aReplayRightAfterRecoveryDeliversEvenThoughTheCircuitIsStillOpen() {
        rdDown(rd);
        deliver(sale("d-open-1"));
        TestClock.advance(Duration.ofSeconds(11));
        deliver(sale("d-open-2"));
        assertThat(circuit.isOpen()).isTrue();

        rdBack(rd);
        operator().post("/admin/dead-letters/replay").then().statusCode(200)
                .body("delivered", equalTo(2)).body("deduplicated", equalTo(0)).body("still_failing", equalTo(0));
        assertThat(circuit.isOpen()).isFalse();
        rd.verify(2, postRequestedFor(urlPathEqualTo(EVENTS))); // the probe carried one, the backlog the other
    }

    @Test
    void whileTheCircuitStaysOpenOneLetterProbesAndTheRestWait() {
        rdDown(rd);
        deliver(sale("d-probe-1"));
        TestClock.advance(Duration.ofSeconds(11));
        deliver(sale("d-probe-2"));
        deliver(sale("d-probe-3"));
        assertThat(circuit.isOpen()).isTrue();
        rd.resetRequests();

        TestClock.advance(Duration.ofSeconds(61));
        redelivery.sweep();

        rd.verify(1, postRequestedFor(urlMatching("/platform/events.*")));
        assertThat(deadLetters.list(10)).hasSize(3)
                .allSatisfy(letter -> assertThat(Instant.parse(letter.nextAttemptAt())).isAfter(clock.instant()));
    }

    @Test
    void aVendorRedeliveryTakesItsParkedLetterOver() {
        rdDown(rd);
        Receipt.Parked parked = (Receipt.Parked) deliver(sale("d-race"));
        rdBack(rd);

        assertThat(deliver(sale("d-race"))).isInstanceOfSatisfying(Receipt.Delivered.class,
                d -> assertThat(d.delivery().letterId()).isEqualTo(parked.letter().id()));
        assertThat(deadLetters.get(parked.letter().id())).isEmpty();
        TestClock.advance(Duration.ofMinutes(2));
        assertThat(redelivery.sweep().letters()).isZero();
        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)));
    }

    @Test
    void aLetterThatFailsAgainWaitsLongerThenGivesUpAfterTheMaximumAge() {
        rdDown(rd);
        Receipt.Parked parked = (Receipt.Parked) deliver(sale("d-still-down"));
        String id = parked.letter().id();
        TestClock.advance(Duration.ofSeconds(61));
        redelivery.sweep();

        DeadLetter second = deadLetters.get(id).orElseThrow();
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(Duration.between(Instant.parse(second.lastAttemptAt()), Instant.parse(second.nextAttemptAt())))
                .isEqualTo(Duration.ofMinutes(5));

        for (int i = 0; i < 20 && deadLetters.get(id).orElseThrow().nextAttemptAt() != null; i++) {
            TestClock.advance(Duration.ofHours(12).plusSeconds(1));
            redelivery.sweep(); // RD's circuit is open by now: the letter is the sweep's one probe
        }
        operator().get("/admin/dead-letters").then().body("[0].status", equalTo("gave_up"))
                .body("[0].next_attempt_at", nullValue());
        // The schedule: 1 min, 5 min, 30 min, 2 h, 6 h, then every 12 h until three days have passed.
        assertThat(deadLetters.get(id).orElseThrow().attempts()).isBetween(6, 9);
        operator().post("/admin/dead-letters/" + id + "/replay").then().statusCode(200)
                .body("outcome", equalTo("still_failing")).body("reason", containsString("HTTP 503"));
        operator().post("/admin/dead-letters/no-such-id/replay").then().statusCode(404);
    }

    @Test
    void eventsRdWouldRefuseAreHeldWithoutBeingSent() {
        Delivery invalid = Delivery.builder().source("woocommerce").deliveryId("d-invalid")
                .events(List.of(RdEvent.of(SalePayloadBuilder.builder()
                        .email("not-an-email")
                        .funnelName("default")
                        .value(new BigDecimal("10.00"))
                        .build()))).build();

        assertThat(deliver(invalid)).isInstanceOfSatisfying(Receipt.Parked.class, p -> {
            assertThat(p.letter().reason())
                    .isEqualTo("RD would refuse the mapped events: $.body.payload.email: Must be an email address.");
            assertThat(p.letter().status()).isEqualTo("held");
        });
        rd.verify(0, postRequestedFor(urlMatching("/platform/.*")));
    }

    @Test
    void rdRejectingTheEventsHoldsThemWithRdsReason() {
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(json(422,
                "{\"errors\":[{\"error_type\":\"CONTACT_NOT_FOUND\",\"error_message\":\"Contact not found.\"}]}")));

        assertThat(deliver(sale("d-rejected"))).isInstanceOfSatisfying(Receipt.Parked.class, p -> {
            assertThat(p.letter().reason()).isEqualTo("RD refused the events (HTTP 422): CONTACT_NOT_FOUND Contact not found.");
            assertThat(p.letter().nextAttemptAt()).isNull();
        });
        TestClock.advance(Duration.ofHours(1));
        redelivery.sweep();
        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)));
    }

    @Test
    void serverErrorsThenSuccessDeliverOnce() {
        RdStubs.inTurn(rd, EVENTS, List.of(json(500, "{}"), json(500, "{}"), json(500, "{}"), accepted("u-1")));

        assertThat(deliver(sale("d-flaky"))).isInstanceOf(Receipt.Delivered.class);
        assertThat(deadLetters.list(10)).isEmpty();
        rd.verify(4, postRequestedFor(urlPathEqualTo(EVENTS)));
    }

    @Test
    void theSameDeliveryTwiceIsSentOnce() {
        rdBack(rd);
        assertThat(deliver(sale("d-twice"))).isInstanceOf(Receipt.Delivered.class);
        assertThat(deliver(sale("d-twice"))).isInstanceOfSatisfying(Receipt.Duplicate.class,
                d -> assertThat(d.earlierAnswer()).isEqualTo("{\"event_uuid\":\"sale-uuid\"}"));
        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)));
    }

    @Test
    void eightConcurrentCopiesAreSentOnce() throws Exception {
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(accepted("u-1").withFixedDelay(300)));
        List<Receipt> receipts = Concurrently.run(8, () -> deliver(sale("d-eight")));

        assertThat(receipts).filteredOn(Receipt.Delivered.class::isInstance).hasSize(1);
        assertThat(receipts).filteredOn(Receipt.InProgress.class::isInstance).hasSize(7);
        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)));
    }

    @Test
    void eventsWithOneIdempotencyKeyAreSentOnce() throws Exception {
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(accepted("u-idem").withFixedDelay(300)));
        String sale = Fixtures.rdExample(EventType.SALE);
        List<Integer> statuses = Concurrently.run(8, () -> operator().header("Idempotency-Key", "order-1001-paid")
                .body(sale).post("/events").statusCode());

        // Copies that overlap the first get 409; later ones get its answer replayed.
        assertThat(statuses).allMatch(status -> status == 200 || status == 409).contains(200);
        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)));

        Response later = operator().header("Idempotency-Key", "order-1001-paid").body(sale).post("/events");
        assertThat(later.statusCode()).isEqualTo(200);
        assertThat(later.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(later.jsonPath().getString("event_uuid")).isEqualTo("u-idem");
        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)));
    }

    @Test
    void aRetryOfAParkedRequestUnderItsIdempotencyKeyTakesTheLetterOver() {
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(json(503, "")));
        String sale = Fixtures.rdExample(EventType.SALE);
        String letter = operator().header("Idempotency-Key", "retry-me").body(sale).post("/events").then().statusCode(202)
                .body("outcome", equalTo("parked")).body("delivery_id", equalTo("retry-me"))
                .extract().path("dead_letter");

        rdBack(rd);
        operator().header("Idempotency-Key", "retry-me").body(sale).post("/events").then().statusCode(200)
                .header("Idempotent-Replayed", nullValue()).body("event_uuid", equalTo("sale-uuid"));
        assertThat(deadLetters.get(letter)).isEmpty();
        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)));
    }

    /**
     * RD takes 3 s, past the vendor's deadline and the 2.5 s budget. Nobody waits that long and
     * nothing is sent twice: both callers hear "in flight" in time, RD's answer is recorded when
     * it comes, and their retries find it.
     */
    @Test
    void rdAnsweringAfterTheDeadlineGetsEachEventOnceAndEveryCallerAnsweredInTime() throws Exception {
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(accepted("slow-but-there").withFixedDelay(3_000)));
        String sale = Fixtures.rdExample(EventType.SALE);
        String paid = Fixtures.text("vendors/shopify/orders-paid.json");

        long started = System.nanoTime();
        operator().header("Idempotency-Key", "slow-1").body(sale).post("/events").then().statusCode(202)
                .body("outcome", equalTo("in_flight")).body("delivery_id", equalTo("slow-1"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_900));
        started = System.nanoTime();
        shopify("orders/paid", "slow-paid-1", paid).statusCode(202).body("outcome", equalTo("in_flight"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_900));

        Thread.sleep(1_500); // RD answers both
        operator().header("Idempotency-Key", "slow-1").body(sale).post("/events").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("event_uuid", equalTo("slow-but-there"));
        shopify("orders/paid", "slow-paid-1", paid).statusCode(200).body("outcome", equalTo("duplicate"));
        rd.verify(2, postRequestedFor(urlPathEqualTo(EVENTS)));
        assertThat(deadLetters.list(10)).isEmpty();
    }

    static io.restassured.response.ValidatableResponse shopify(String topic, String webhookId, String body) {
        return io.restassured.RestAssured.given().contentType("application/json")
                .header("X-Shopify-Topic", topic).header("X-Shopify-Webhook-Id", webhookId)
                .header("X-Shopify-Hmac-Sha256", dev.ponte.mapping.Signatures.base64(dev.ponte.mapping.Signatures.Algorithm.SHA256,
                        WireMockRd.SHOPIFY_SECRET, body.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/webhooks/shopify").then();
    }

    /**
     * A process that dies after claiming leaves only its claim, with the delivery written ahead.
     * RD may or may not have the events, and RD has no idempotency key: so the delivery is never
     * sent again by itself. Copies are answered while the claim holds; once it times out it is
     * listed as a dead letter held as maybe delivered, for the operator to check and replay.
     */
    @Test
    void aDeliveryWhoseProcessDiedIsListedAsMaybeDeliveredNeverResent() {
        rdBack(rd);
        Delivery crashed = sale("d-crash");
        assertThat(store.claim(crashed.key(), StoredDelivery.bytes(crashed)).won()).isTrue(); // then the process died

        assertThat(deliver(sale("d-crash"))).isInstanceOf(Receipt.InProgress.class);
        TestClock.advance(Duration.ofMinutes(3));
        assertThat(redelivery.sweep().adopted()).isEqualTo(1);

        operator().get("/admin/dead-letters").then().body("", hasSize(1))
                .body("[0].delivery_id", equalTo("d-crash")).body("[0].cause", equalTo("maybe_delivered"))
                .body("[0].status", equalTo("held")).body("[0].reason", containsString("RD may have it"))
                .body("[0].events[0].event_type", equalTo("SALE"));
        assertThat(deliver(sale("d-crash"))).isInstanceOf(Receipt.Parked.class);
        TestClock.advance(Duration.ofHours(1));
        redelivery.sweep();
        rd.verify(0, postRequestedFor(urlPathEqualTo(EVENTS)));

        // The operator checked RD: it does not have it. Their replay sends it.
        String id = deadLetters.list(10).get(0).id();
        operator().post("/admin/dead-letters/" + id + "/replay").then().body("outcome", equalTo("delivered"));
        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)));
    }
}
