package dev.ponte.vendors.shopify;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ponte.testing.RdStubs.BATCH;
import static dev.ponte.testing.RdStubs.EVENTS;
import static dev.ponte.testing.RdStubs.accepted;
import static dev.ponte.testing.RdStubs.batchAccepted;
import static dev.ponte.testing.RdStubs.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ponte.delivery.DeadLetters;
import dev.ponte.delivery.Redelivery;
import dev.ponte.mapping.Signatures;
import dev.ponte.rd.EcommerceInBatches;
import dev.ponte.rd.RdCircuit;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.InjectRd;
import dev.ponte.testing.RdStubs;
import dev.ponte.testing.TestClock;
import dev.ponte.testing.WireMockRd;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Shopify in RD's current e-commerce family, over real HTTP into a WireMock RD: the abandoned-cart
 * wait on the intake's timers (moved by the test clock), each stage once, RD refusing the family
 * in batches, and RD refusing the family altogether.
 */
@QuarkusTest
@TestProfile(ShopifyCurrentFamilyTest.Current.class)
@WithTestResource(WireMockRd.class)
class ShopifyCurrentFamilyTest {

    public static class Current implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ponte.vendors.shopify.ecommerce-events", "current", "ponte.cart.abandoned-after", "1h");
        }
    }

    private static final String SAMPLE_ORDER = "820982911946154508";
    private static final String SAMPLE_CHECKOUT = "2a1ace52255252df566af0faaedfbfa7";
    private static final String ABANDONED = EVENTS + "?event_type=ECOMMERCE_CART_ABANDONED";

    @InjectRd
    WireMockServer rd;

    @Inject
    RdCircuit breakers;

    @Inject
    DeadLetters deadLetters;

    @Inject
    Redelivery redelivery;

    @Inject
    EcommerceInBatches ecommerceInBatches;

    private String order;
    private String checkout;

    @BeforeEach
    void fresh() {
        RdStubs.reset(rd);
        breakers.reset();
        ecommerceInBatches.reset();
        redelivery.sweep(); // whatever earlier tests left due
        deadLetters.list(1_000).forEach(letter -> deadLetters.remove(letter.id()));
        rd.resetRequests();
        rd.stubFor(post(urlEqualTo(BATCH)).willReturn(batchAccepted(2)));
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(accepted("e-1")));
        order = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));
        checkout = UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void aCheckoutNoOrderFollowedIsAbandonedOnceAfterTheWait() {
        send("checkouts/create", checkout()).then().statusCode(200)
                .body("outcome", org.hamcrest.Matchers.equalTo("delivered")).body("scheduled_at", notNullValue());
        rd.verify(1, postRequestedFor(urlEqualTo(EVENTS + "?event_type=ECOMMERCE_CHECKOUT_STARTED")));

        TestClock.advance(Duration.ofMinutes(59));
        redelivery.sweep();
        rd.verify(0, postRequestedFor(urlEqualTo(ABANDONED)));

        TestClock.advance(Duration.ofMinutes(2));
        assertThat(redelivery.sweep().timers()).isEqualTo(1);
        redelivery.sweep();
        rd.verify(1, postRequestedFor(urlEqualTo(ABANDONED)));
        JsonNode sent = Fixtures.parse(rd.findAll(postRequestedFor(urlEqualTo(ABANDONED))).get(0).getBodyAsString());
        assertThat(sent.at("/payload/identifier").asText()).isEqualTo(checkout);
        assertThat(sent.at("/payload/checkout_url").asText()).endsWith("/checkouts/" + checkout + "/recover");
    }

    @Test
    void anOrderArrivingInTimeMeansNoAbandonedCart() {
        send("checkouts/create", checkout()).then().statusCode(200);
        TestClock.advance(Duration.ofMinutes(30));
        send("orders/create", order().replace("\"checkout_token\":null", "\"checkout_token\":\"" + checkout + "\""))
                .then().statusCode(200).body("outcome", org.hamcrest.Matchers.equalTo("delivered"));

        TestClock.advance(Duration.ofHours(2));
        redelivery.sweep();
        rd.verify(0, postRequestedFor(urlEqualTo(ABANDONED)));
    }

    @Test
    void everyChangeToTheCheckoutRestartsTheWait() {
        send("checkouts/create", checkout()).then().statusCode(200);
        TestClock.advance(Duration.ofMinutes(50));
        send("checkouts/update", checkout().replace("\"total_price\":\"379.69\"", "\"total_price\":\"398.00\""))
                .then().statusCode(200).body("outcome", org.hamcrest.Matchers.equalTo("duplicate"))
                .body("scheduled_at", notNullValue());
        rd.verify(1, postRequestedFor(urlEqualTo(EVENTS + "?event_type=ECOMMERCE_CHECKOUT_STARTED")));

        TestClock.advance(Duration.ofMinutes(20));
        redelivery.sweep();
        rd.verify(0, postRequestedFor(urlEqualTo(ABANDONED)));
        TestClock.advance(Duration.ofMinutes(45));
        redelivery.sweep();
        List<com.github.tomakehurst.wiremock.verification.LoggedRequest> abandoned = rd.findAll(
                postRequestedFor(urlEqualTo(ABANDONED)));
        assertThat(abandoned).hasSize(1);
        assertThat(Fixtures.parse(abandoned.get(0).getBodyAsString()).at("/payload/price").decimalValue())
                .isEqualByComparingTo("398.00");
    }

    @Test
    void eachStageOfAnOrderReachesRdOnceHoweverOftenShopifySendsIt() {
        for (int i = 0; i < 3; i++) {
            send("orders/create", order()).then().statusCode(200);
        }
        rd.verify(1, postRequestedFor(urlEqualTo(BATCH)));
        JsonNode batch = Fixtures.parse(rd.findAll(postRequestedFor(urlEqualTo(BATCH))).get(0).getBodyAsString());
        assertThat(batch).extracting(e -> e.get("event_type").asText())
                .containsExactly("ECOMMERCE_ORDER_PLACED", "OPPORTUNITY_LOST");
        assertThat(batch.get(0).at("/payload/identifier").asText()).isEqualTo(order);
    }

    @Test
    void aRefundBeforeItsOrderWaitsForTheOrderThenGoesOnItsOwn() {
        send("refunds/create", Fixtures.text("vendors/shopify/refunds-create.json").replace(SAMPLE_ORDER, order))
                .then().statusCode(200).body("outcome", org.hamcrest.Matchers.equalTo("parked"))
                .body("reason", containsString("once it has delivered order " + order));
        rd.verify(0, postRequestedFor(urlEqualTo(EVENTS + "?event_type=ECOMMERCE_ORDER_REFUNDED")));

        send("orders/create", order()).then().statusCode(200).body("outcome", org.hamcrest.Matchers.equalTo("delivered"));
        redelivery.sweep();
        rd.verify(1, postRequestedFor(urlEqualTo(EVENTS + "?event_type=ECOMMERCE_ORDER_REFUNDED"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.payload.email",
                        equalTo("jon@example.com"))));
        assertThat(deadLetters.list(10)).isEmpty();
    }

    @Test
    void whenRdRefusesTheFamilyInBatchesEachEventGoesAloneFromThenOn() {
        // An RD whose batch endpoint knows only the older types.
        rd.stubFor(post(urlEqualTo(BATCH)).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(
                "\"ECOMMERCE_")).willReturn(json(400, "{\"errors\":[{\"error_type\":\"INVALID_OPTION\","
                + "\"error_message\":\"Must be one of the valid options.\",\"path\":\"$.body[0].event_type\"}]}")));
        send("orders/create", order()).then().statusCode(200).body("outcome", org.hamcrest.Matchers.equalTo("delivered"));
        rd.verify(1, postRequestedFor(urlEqualTo(BATCH)));
        rd.verify(1, postRequestedFor(urlEqualTo(EVENTS + "?event_type=ECOMMERCE_ORDER_PLACED")));
        rd.verify(1, postRequestedFor(urlEqualTo(EVENTS)).withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.event_type", equalTo("OPPORTUNITY_LOST"))));

        order = order + "1";
        send("orders/create", order()).then().statusCode(200).body("outcome", org.hamcrest.Matchers.equalTo("delivered"));
        rd.verify(1, postRequestedFor(urlEqualTo(BATCH))); // remembered: no batch tried again
        rd.verify(2, postRequestedFor(urlEqualTo(EVENTS + "?event_type=ECOMMERCE_ORDER_PLACED")));
    }

    @Test
    void whenRdTakesTheFamilyInBatchesItGoesInOneCall() {
        send("orders/create", order()).then().statusCode(200).body("outcome", org.hamcrest.Matchers.equalTo("delivered"))
                .body("events", org.hamcrest.Matchers.equalTo(2));
        rd.verify(1, postRequestedFor(urlEqualTo(BATCH)));
        rd.verify(0, postRequestedFor(urlPathEqualTo(EVENTS)));
    }

    @Test
    void anAccountWithoutTheEcommerceProductParksTheOrderNamingTheSetting() {
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(json(403, "{\"errors\":[{\"error_type\":\"ACCESS_DENIED\","
                + "\"error_message\":\"Forbidden\"}]}")));
        send("checkouts/create", checkout()).then().statusCode(200)
                .body("outcome", org.hamcrest.Matchers.equalTo("parked"))
                .body("reason", containsString("PONTE_RD_ECOMMERCE_EVENTS=legacy"))
                .body("reason", containsString("PONTE_VENDORS_SHOPIFY_ECOMMERCE_EVENTS=legacy"));
    }

    @Test
    void aCurrencyRdDoesNotTakeIsADeadLetterSayingSo() {
        send("orders/create", order().replace("\"currency\":\"USD\"", "\"currency\":\"GBP\"")).then().statusCode(200)
                .body("outcome", org.hamcrest.Matchers.equalTo("parked"))
                .body("reason", containsString("$.body.payload.currency"))
                .body("reason", containsString("BRL"));
        rd.verify(0, postRequestedFor(urlEqualTo(BATCH)));
    }

    private String order() {
        return Fixtures.text("vendors/shopify/orders-create.json").replace(SAMPLE_ORDER, order);
    }

    private String checkout() {
        return Fixtures.text("vendors/shopify/checkouts-create.json").replace(SAMPLE_CHECKOUT, checkout);
    }

    /** What Shopify sends: the body, its topic, a new webhook id, and the HMAC of the body; posted. */
    private static Response send(String topic, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return given().contentType("application/json")
                .header("X-Shopify-Topic", topic)
                .header("X-Shopify-Webhook-Id", UUID.randomUUID().toString())
                .header("X-Shopify-Hmac-Sha256", Signatures.base64(Signatures.Algorithm.SHA256, WireMockRd.SHOPIFY_SECRET,
                        bytes))
                .body(bytes)
                .post("/webhooks/shopify");
    }
}
