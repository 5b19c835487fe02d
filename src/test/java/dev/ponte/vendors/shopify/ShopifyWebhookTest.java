package dev.ponte.vendors.shopify;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static dev.ponte.testing.RdStubs.BATCH;
import static dev.ponte.testing.RdStubs.EVENTS;
import static dev.ponte.testing.RdStubs.accepted;
import static dev.ponte.testing.RdStubs.batchAccepted;
import static dev.ponte.testing.RdStubs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ponte.mapping.Signatures;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.FreshState;
import dev.ponte.testing.InjectRd;
import dev.ponte.testing.RdStubs;
import dev.ponte.testing.WireMockRd;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Shopify deliveries over real HTTP, signed as Shopify signs them, into a WireMock RD. */
@QuarkusTest
@WithTestResource(WireMockRd.class)
class ShopifyWebhookTest {

    @InjectRd
    WireMockServer rd;

    @Inject
    FreshState fresh;

    @BeforeEach
    void freshRd() {
        fresh.reset(rd);
        rd.stubFor(post(urlEqualTo(BATCH)).willReturn(batchAccepted(4)));
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(accepted("sale-1")));
    }

    /** What Shopify sends: the fixture's bytes, its topic, a webhook id, and the HMAC of the body. */
    static RequestSpecification shopify(String topic, String fixture, String webhookId) {
        String body = Fixtures.text("vendors/shopify/" + fixture);
        return given().contentType("application/json")
                .header("X-Shopify-Topic", topic)
                .header("X-Shopify-Webhook-Id", webhookId)
                .header("X-Shopify-Shop-Domain", "loja-exemplo.myshopify.com")
                .header("X-Shopify-Hmac-Sha256", Signatures.base64(Signatures.Algorithm.SHA256,
                        WireMockRd.SHOPIFY_SECRET, body.getBytes(StandardCharsets.UTF_8)))
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anOrderBecomesItsRdEventsInOneBatchCall() {
        shopify("orders/create", "orders-create.json", UUID.randomUUID().toString()).post("/webhooks/shopify")
                .then().statusCode(200).body("outcome", equalTo("delivered")).body("events", equalTo(4));

        rd.verify(1, postRequestedFor(urlEqualTo(BATCH)).withRequestBody(
                equalToJson(Fixtures.text("vendors/shopify/orders-create.legacy.expected.json"))));
        rd.verify(0, postRequestedFor(urlPathEqualTo(EVENTS)));
    }

    @Test
    void aPaymentBecomesASale() {
        shopify("orders/paid", "orders-paid.json", UUID.randomUUID().toString()).post("/webhooks/shopify")
                .then().statusCode(200).body("outcome", equalTo("delivered"));

        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)).withRequestBody(equalToJson(
                Fixtures.json("vendors/shopify/orders-paid.legacy.expected.json").get(0).toString())));
    }

    @Test
    void theSameDeliveryTwiceIsSentOnce() {
        String id = UUID.randomUUID().toString();
        shopify("orders/create", "orders-create.json", id).post("/webhooks/shopify").then().statusCode(200)
                .body("outcome", equalTo("delivered"));
        shopify("orders/create", "orders-create.json", id).post("/webhooks/shopify").then().statusCode(200)
                .body("outcome", equalTo("duplicate"));
        rd.verify(1, postRequestedFor(urlEqualTo(BATCH)));
    }

    @Test
    void aCapturedBodyReplayedUnderNewWebhookIdsIsDeliveredOnce() {
        shopify("orders/create", "orders-create.json", UUID.randomUUID().toString()).post("/webhooks/shopify")
                .then().statusCode(200).body("outcome", equalTo("delivered"));
        for (int i = 0; i < 5; i++) {
            shopify("orders/create", "orders-create.json", UUID.randomUUID().toString()).post("/webhooks/shopify")
                    .then().statusCode(200).body("outcome", equalTo("duplicate"))
                    .body("why", containsString("already delivered under another delivery id"));
        }
        rd.verify(1, postRequestedFor(urlEqualTo(BATCH)));
    }

    @Test
    void copiesRacingUnderDifferentIdsAreDeliveredOnce() throws Exception {
        java.util.List<String> outcomes = dev.ponte.testing.Concurrently.run(6, () ->
                shopify("orders/create", "orders-create.json", UUID.randomUUID().toString()).post("/webhooks/shopify")
                        .then().statusCode(200).extract().path("outcome"));
        org.assertj.core.api.Assertions.assertThat(outcomes).containsOnlyOnce("delivered");
        rd.verify(1, postRequestedFor(urlEqualTo(BATCH)));
    }

    @Test
    void theVendorsOwnRetryIsStillAnsweredAsADuplicate() {
        String id = UUID.randomUUID().toString();
        shopify("orders/create", "orders-create.json", id).post("/webhooks/shopify").then().statusCode(200);
        shopify("orders/create", "orders-create.json", id).post("/webhooks/shopify").then().statusCode(200)
                .body("outcome", equalTo("duplicate"));
        rd.verify(1, postRequestedFor(urlEqualTo(BATCH)));
    }

    @Test
    void theVoidedSampleReSentAsPaidIsIgnoredNotASale() {
        shopify("orders/paid", "orders-create.json", UUID.randomUUID().toString()).post("/webhooks/shopify")
                .then().statusCode(200).body("outcome", equalTo("ignored"))
                .body("why", containsString("financial_status is voided, not paid"));
        rd.verify(0, postRequestedFor(urlMatching("/platform/.*")));
    }

    @Test
    void aForgedDeliveryIsRefusedAndNothingIsSent() {
        String body = Fixtures.text("vendors/shopify/orders-paid.json");
        given().contentType("application/json").header("X-Shopify-Topic", "orders/paid")
                .header("X-Shopify-Hmac-Sha256", Signatures.base64(Signatures.Algorithm.SHA256, "guessed", body.getBytes(StandardCharsets.UTF_8)))
                .body(body).post("/webhooks/shopify")
                .then().statusCode(401).body("errors[0].error_type", equalTo("INVALID_SIGNATURE"));
        given().contentType("application/json").header("X-Shopify-Topic", "orders/paid").body(body)
                .post("/webhooks/shopify").then().statusCode(401)
                .body("errors[0].error_message", equalTo("The X-Shopify-Hmac-Sha256 header is missing."));
        rd.verify(0, postRequestedFor(urlMatching("/platform/.*")));
    }

    @Test
    void anUnknownVendorIs404() {
        given().contentType("application/json").body("{}").post("/webhooks/magento")
                .then().statusCode(404).body("errors[0].error_message", containsString("shopify"));
    }

    @Test
    void aMalformedSignedBodyIs400() {
        String body = "{\"id\": 1, \"line_items\": \"not a list\"}";
        given().contentType("application/json").header("X-Shopify-Topic", "orders/create")
                .header("X-Shopify-Hmac-Sha256", Signatures.base64(Signatures.Algorithm.SHA256, WireMockRd.SHOPIFY_SECRET,
                        body.getBytes(StandardCharsets.UTF_8)))
                .body(body).post("/webhooks/shopify")
                .then().statusCode(400).body("errors[0].error_type", equalTo("INVALID_FORMAT"));
        rd.verify(0, postRequestedFor(urlMatching("/platform/.*")));
    }

    @Test
    void aBodyOverTheLimitIs413BeforeAnythingElse() {
        String huge = "{\"padding\":\"" + "x".repeat(1_100_000) + "\"}";
        given().contentType("application/json").header("X-Shopify-Topic", "orders/create")
                .header("X-Shopify-Hmac-Sha256", Signatures.base64(Signatures.Algorithm.SHA256, WireMockRd.SHOPIFY_SECRET,
                        huge.getBytes(StandardCharsets.UTF_8)))
                .body(huge).post("/webhooks/shopify")
                .then().statusCode(413).body("errors[0].error_type", equalTo("PAYLOAD_TOO_LARGE"));
        rd.verify(0, postRequestedFor(urlMatching("/platform/.*")));
    }

    @Test
    void aTopicPonteDoesNotMapIsAcknowledged() {
        shopify("products/update", "orders-create.json", UUID.randomUUID().toString()).post("/webhooks/shopify")
                .then().statusCode(200).body("outcome", equalTo("ignored")).body("topic", equalTo("products/update"));
        rd.verify(0, postRequestedFor(urlMatching("/platform/.*")));
    }

    @Test
    void whenRdIsDownTheVendorStillGets200AndTheEventsWaitAsADeadLetter() {
        rd.stubFor(post(urlEqualTo(BATCH)).willReturn(json(503, "")));
        shopify("checkouts/create", "checkouts-create.json", UUID.randomUUID().toString()).post("/webhooks/shopify")
                .then().statusCode(200).body("outcome", equalTo("parked"))
                .body("reason", containsString("RD unavailable"));

        RdStubs.operator().get("/admin/dead-letters").then().statusCode(200)
                .body("[0].vendor", equalTo("shopify"))
                .body("[0].events[0].event_type", equalTo("CART_ABANDONED"));
    }
}
