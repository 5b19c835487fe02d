package dev.ponte.deploy;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.ponte.testing.RdStubs.BATCH;
import static dev.ponte.testing.RdStubs.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ponte.mapping.Signatures;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.RdStubs;
import dev.ponte.testing.WireMockRd;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * One Ponte process with its state on local disk, as on a VM or a container with a volume:
 * killed mid-stream with SIGKILL, restarted, then stopped cleanly and started again, while a
 * vendor redelivers whatever got no 2xx. Counted in what the stand-in for RD accepted. The
 * packaged artifact is the process (the ingress handler under AWS's runtime client, without
 * Lambda's variables, so it keeps its state in {@code PONTE_STATE_DIR}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedRestartIT {

    static final int ORDERS = 40;
    static final String SAMPLE_ORDER = "820982911946154508";
    static final long ORDER_IDS = 5_000_000_000L;

    @TempDir
    static Path work;

    static WireMockServer rd;
    static PackagedFunction ponte;
    static int starts;
    static final Map<Integer, Integer> answered = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        rd = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        rd.start();
        rdUp();
        ponte = startPonte();
    }

    static void rdUp() {
        rd.resetMappings();
        WireMockRd.stubToken(rd, WireMockRd.ACCESS_TOKEN, 86_400);
        // Slow enough that the kill lands while RD is working on a request.
        rd.stubFor(post(urlEqualTo(BATCH)).willReturn(json(200, "{\"event_batch_uuid\":\"b\",\"events\":[]}")
                .withFixedDelay(150)));
        rd.stubFor(post(urlPathEqualTo(RdStubs.EVENTS)).willReturn(json(200, "{\"event_uuid\":\"e\"}")));
    }

    static PackagedFunction startPonte() throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of(
                "AWS_LAMBDA_FUNCTION_NAME", "",
                "PONTE_STATE_DIR", work.resolve("state").toString(),
                "PONTE_REDELIVERY_EVERY", "1s",
                "PONTE_REDELIVERY_SCHEDULE", "1s",
                "PONTE_RD_URL", rd.baseUrl(),
                "PONTE_RD_CLIENT_ID", "client",
                "PONTE_RD_CLIENT_SECRET", "secret",
                "PONTE_RD_REFRESH_TOKEN", "refresh",
                "PONTE_API_TOKEN", WireMockRd.API_TOKEN,
                "PONTE_VENDORS_SHOPIFY_SECRET", WireMockRd.SHOPIFY_SECRET));
        settings.put("PONTE_CART_ABANDONED_AFTER", "3s");
        return PackagedFunction.start("ponte-" + (++starts), PackagedFunction.httpHandler(), settings, work);
    }

    @AfterAll
    static void stop() throws Exception {
        if (ponte != null) {
            ponte.close();
        }
        if (rd != null) {
            rd.stop();
        }
    }

    @Test
    @Order(1)
    void aProcessKilledMidStreamDuplicatesNothingAndLosesNothing() throws Exception {
        listedOrders(); // started and serving
        long killAt = System.currentTimeMillis() + 1_000 + ThreadLocalRandom.current().nextInt(1_000);
        Thread killer = new Thread(() -> {
            try {
                Thread.sleep(Math.max(0, killAt - System.currentTimeMillis()));
                ponte.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        killer.start();
        for (int n = 0; n < ORDERS; n++) {
            try {
                answered.put(n, webhook(n).status());
            } catch (Exception killed) {
                break;
            }
        }
        killer.join();
        assertThat(answered).as("some orders were answered before the kill").isNotEmpty();

        ponte = startPonte();
        listedOrders();
        // The vendor redelivers every order that got no 2xx: the one in flight, and those never sent.
        for (int n = 0; n < ORDERS; n++) {
            if (!answered.containsKey(n) || answered.get(n) / 100 != 2) {
                answered.put(n, webhook(n).status());
            }
        }
        assertThat(answered.values()).allMatch(status -> status / 100 == 2);
        Thread.sleep(2_500); // a sweep adopts the claim left in flight by the killed process

        Map<Integer, Integer> inRd = ordersInRd();
        Set<Integer> listed = listedOrders();
        assertThat(inRd.values()).as("copies of one order in RD").allMatch(count -> count == 1);
        for (int n = 0; n < ORDERS; n++) {
            assertThat(inRd.containsKey(n) || listed.contains(n)).as("order %s is in RD or listed as a dead letter", n).isTrue();
        }
        assertThat(listed).as("only the order in flight at the kill can be waiting for a look").hasSizeLessThanOrEqualTo(1);

        // The vendor, unsure, sends everything again: nothing reaches RD twice.
        for (int n = 0; n < ORDERS; n++) {
            assertThat(webhook(n).status()).isEqualTo(200);
        }
        assertThat(ordersInRd()).isEqualTo(inRd);
    }

    @Test
    @Order(2)
    void aCleanRestartKeepsDeliveredKeysAndParkedLettersWhichThenGoOutOnTheirOwn() throws Exception {
        Map<Integer, Integer> before = ordersInRd();
        rd.stubFor(post(urlMatching("/platform/events.*")).willReturn(json(503, "")));
        assertThat(webhook(ORDERS).body().path("outcome").asText()).isEqualTo("parked");

        Set<Integer> heldAtTheKill = listedOrders();
        heldAtTheKill.remove(ORDERS);
        ponte.stop();
        ponte = startPonte();
        listedOrders();
        for (int n = 0; n < 10; n++) {
            if (before.containsKey(n)) {
                // Delivered before: a duplicate; the one in flight at the kill stays held as its dead letter.
                assertThat(webhook(n).body().path("outcome").asText())
                        .isEqualTo(heldAtTheKill.contains(n) ? "parked" : "duplicate");
            }
        }
        assertThat(listedOrders()).contains(ORDERS);

        rdUp();
        // RD logs its answer a moment before Ponte has recorded it: wait for both.
        for (int i = 0; i < 60 && (!ordersInRd().containsKey(ORDERS) || listedOrders().contains(ORDERS)); i++) {
            Thread.sleep(250);
        }
        assertThat(ordersInRd()).containsEntry(ORDERS, 1);
        assertThat(listedOrders()).doesNotContain(ORDERS);
        Map<Integer, Integer> after = new HashMap<>(ordersInRd());
        after.remove(ORDERS);
        assertThat(after).isEqualTo(before);
    }

    @Test
    @Order(3)
    void anAbandonedCartWaitingWhenPonteIsKilledIsStillSentAfterTheRestart() throws Exception {
        rdUp();
        String body = Fixtures.text("vendors/shopify/checkouts-create.json");
        PackagedFunction.Answer started = ponte.http("/webhooks/shopify", body, Map.of(
                "content-type", "application/json",
                "x-shopify-topic", "checkouts/create",
                "x-shopify-webhook-id", "restart-checkout",
                "x-shopify-hmac-sha256", Signatures.base64(Signatures.Algorithm.SHA256, WireMockRd.SHOPIFY_SECRET,
                        body.getBytes(StandardCharsets.UTF_8))));
        assertThat(started.body().path("scheduled_at").isTextual()).as(started.body().toString()).isTrue();
        ponte.kill();
        assertThat(abandonedCarts()).isZero();

        ponte = startPonte();
        // PONTE_CART_ABANDONED_AFTER is 3 s; the restarted process's sweep finds the wait due.
        for (int i = 0; i < 60 && abandonedCarts() == 0; i++) {
            Thread.sleep(250);
        }
        Thread.sleep(2_000); // later sweeps must not send it again
        assertThat(abandonedCarts()).isEqualTo(1);
    }

    private static long abandonedCarts() {
        return RdStubs.acceptedEvents(rd).stream()
                .filter(e -> e.path("event_type").asText().equals("ECOMMERCE_CART_ABANDONED")).count();
    }

    /** Order {@code n}, in Shopify's current family (the default): its delivery is keyed by its order id. */
    private static PackagedFunction.Answer webhook(int n) throws Exception {
        String body = Fixtures.text("vendors/shopify/orders-create.json").replace("\"name\":\"#9999\"", "\"name\":\"#" + n + "\"")
                .replace(SAMPLE_ORDER, String.valueOf(ORDER_IDS + n));
        return ponte.http("/webhooks/shopify", body, Map.of(
                "content-type", "application/json",
                "x-shopify-topic", "orders/create",
                "x-shopify-webhook-id", "restart-" + n,
                "x-shopify-hmac-sha256", Signatures.base64(Signatures.Algorithm.SHA256, WireMockRd.SHOPIFY_SECRET,
                        body.getBytes(StandardCharsets.UTF_8))));
    }

    /** How many times RD accepted each order's ECOMMERCE_ORDER_PLACED. */
    private static Map<Integer, Integer> ordersInRd() {
        Map<Integer, Integer> counts = new HashMap<>();
        for (JsonNode event : RdStubs.acceptedEvents(rd)) {
            if (event.path("event_type").asText().equals("ECOMMERCE_ORDER_PLACED")) {
                counts.merge((int) (Long.parseLong(event.path("payload").path("identifier").asText()) - ORDER_IDS), 1,
                        Integer::sum);
            }
        }
        return counts;
    }

    private static Set<Integer> listedOrders() throws Exception {
        PackagedFunction.Answer list = ponte.http("GET", "/admin/dead-letters", "", Map.of("authorization",
                "Bearer " + WireMockRd.API_TOKEN));
        Set<Integer> orders = new HashSet<>();
        for (JsonNode letter : list.body()) {
            String id = letter.path("delivery_id").asText(); // order-<id>:placed
            orders.add((int) (Long.parseLong(id.substring("order-".length(), id.indexOf(':'))) - ORDER_IDS));
        }
        return orders;
    }
}
