package dev.ponte.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.ponte.testing.RdStubs.BATCH;
import static dev.ponte.testing.RdStubs.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ponte.rd.RdCircuit;
import dev.ponte.rd.events.OrderPlacedItemPayloadBuilder;
import dev.ponte.rd.events.OrderPlacedPayloadBuilder;
import dev.ponte.rd.events.RdEvent;
import dev.ponte.testing.ElasticMq;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.InjectRd;
import dev.ponte.testing.RdStubs;
import dev.ponte.testing.WireMockRd;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Queue mode end to end: ingress enqueues to a real SQS-compatible queue, the poller drains it into RD. */
@QuarkusTest
@TestProfile(QueueModeTest.Queue.class)
@WithTestResource(WireMockRd.class)
class QueueModeTest {

    public static class Queue implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "ponte.delivery.mode", "queue",
                    "ponte.queue.url", ElasticMq.queue("ponte-deliveries"),
                    "ponte.rd.rate-limit-per-minute", "6000");
        }
    }

    @InjectRd
    WireMockServer rd;

    @Inject
    Intake intake;

    @Inject
    RdCircuit breakers;

    @BeforeEach
    void freshRd() {
        RdStubs.reset(rd);
        breakers.reset();
        rd.stubFor(post(urlEqualTo(BATCH)).willReturn(json(200, "{\"event_batch_uuid\":\"b\",\"events\":["
                + String.join(",", IntStream.range(0, 30).mapToObj(i -> "{\"event_uuid\":\"u-" + i + "\"}").toList())
                + "]}")));
    }

    static Delivery order(int n, String email) {
        String id = String.valueOf(1000 + n);
        return Delivery.builder().source("shopify").deliveryId("q-" + id).events(List.of(
                RdEvent.of(OrderPlacedPayloadBuilder.builder()
                        .name("Maria")
                        .email(email)
                        .cfOrderId(id)
                        .cfOrderTotalItems(2)
                        .cfOrderStatus("pending")
                        .cfOrderPaymentMethod("Credit Card")
                        .cfOrderPaymentAmount(new BigDecimal("99.90"))
                        .build()),
                RdEvent.of(OrderPlacedItemPayloadBuilder.builder()
                        .name("Maria")
                        .email(email)
                        .cfOrderId(id)
                        .cfOrderProductId("p-1")
                        .cfOrderProductSku("SKU-1")
                        .build()),
                RdEvent.of(OrderPlacedItemPayloadBuilder.builder()
                        .name("Maria")
                        .email(email)
                        .cfOrderId(id)
                        .cfOrderProductId("p-2")
                        .cfOrderProductSku("SKU-2")
                        .build()))).build();
    }

    @Test
    void queuedDeliveriesReachRdOnceInFewCallsAndInOrder() throws Exception {
        List<Receipt> receipts = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            receipts.add(intake.accept(order(n, n % 2 == 0 ? "ana@example.com" : "bruno@example.com"), DeliverySink.Urgency.ANSWERING));
        }
        assertThat(receipts).allMatch(Receipt.Queued.class::isInstance);
        // A copy finds it queued, or already taken by the worker: either way it is not sent again.
        assertThat(intake.accept(order(0, "ana@example.com"), DeliverySink.Urgency.ANSWERING))
                .isInstanceOfAny(Receipt.Duplicate.class, Receipt.InProgress.class);

        List<JsonNode> sent = awaitEvents(15, Duration.ofSeconds(15));

        assertThat(sent).hasSize(15);
        assertThat(sent.stream().map(e -> e.path("payload").path("cf_order_id").asText() + "/"
                + e.path("event_type").asText()).distinct()).hasSize(5 * 2); // 5 orders + 5 × 2 distinct item skus
        List<String> anasOrders = sent.stream().filter(e -> e.path("event_type").asText().equals("ORDER_PLACED"))
                .filter(e -> e.path("payload").path("email").asText().equals("ana@example.com"))
                .map(e -> e.path("payload").path("cf_order_id").asText()).toList();
        assertThat(anasOrders).containsExactly("1000", "1002", "1004");
        assertThat(rd.findAll(postRequestedFor(urlEqualTo(BATCH))).size()).isLessThanOrEqualTo(5);
        rd.verify(0, postRequestedFor(urlEqualTo("/platform/events")));
    }

    private List<JsonNode> awaitEvents(int expected, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        List<JsonNode> events = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            events.clear();
            for (LoggedRequest request : rd.findAll(postRequestedFor(urlEqualTo(BATCH)))) {
                Fixtures.parse(request.getBodyAsString()).forEach(events::add);
            }
            if (events.size() >= expected) {
                Thread.sleep(300); // and nothing more arrives after
                return awaitNoMore(events);
            }
            Thread.sleep(100);
        }
        return events;
    }

    private List<JsonNode> awaitNoMore(List<JsonNode> seen) {
        List<JsonNode> events = new ArrayList<>();
        for (LoggedRequest request : rd.findAll(postRequestedFor(urlEqualTo(BATCH)))) {
            Fixtures.parse(request.getBodyAsString()).forEach(events::add);
        }
        return events.size() >= seen.size() ? events : seen;
    }
}
