package dev.ponte.vendors.woocommerce;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static dev.ponte.testing.RdStubs.BATCH;
import static dev.ponte.testing.RdStubs.EVENTS;
import static dev.ponte.testing.RdStubs.accepted;
import static dev.ponte.testing.RdStubs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ponte.mapping.Signatures;
import dev.ponte.rd.RdCircuit;
import dev.ponte.testing.Fixtures;
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

@QuarkusTest
@WithTestResource(WireMockRd.class)
class WooCommerceWebhookTest {

    @InjectRd
    WireMockServer rd;

    @Inject
    RdCircuit breakers;

    @BeforeEach
    void freshRd() {
        RdStubs.reset(rd);
        breakers.reset();
        rd.stubFor(post(urlEqualTo(BATCH)).willReturn(json(200,
                "{\"event_batch_uuid\":\"b\",\"events\":[{\"event_uuid\":\"1\"},{\"event_uuid\":\"2\"},{\"event_uuid\":\"3\"}]}")));
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(accepted("sale")));
    }

    static RequestSpecification woo(String topic, String body) {
        return given().contentType("application/json")
                .header("X-WC-Webhook-Topic", topic)
                .header("X-WC-Webhook-Resource", "order")
                .header("X-WC-Webhook-Delivery-ID", UUID.randomUUID().toString())
                .header("X-WC-Webhook-Signature", Signatures.base64(Signatures.Algorithm.SHA256,
                        WireMockRd.WOOCOMMERCE_SECRET, body.getBytes(StandardCharsets.UTF_8)))
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPaidOrderIsPlacedThenSoldAndEachSaveAfterwardsChangesNothing() {
        String created = Fixtures.text("vendors/woocommerce/order-created.json");
        woo("order.created", created).post("/webhooks/woocommerce").then().statusCode(200)
                .body("outcome", equalTo("delivered"));
        // The order and its sale, two deliveries of one webhook, in one batch call.
        rd.verify(1, postRequestedFor(urlEqualTo(BATCH)).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock
                .matchingJsonPath("$[?(@.event_type == 'SALE' && @.payload.value == 29.35"
                        + " && @.payload.email == 'john.doe@example.com' && @.payload.funnel_name == 'default')]")));
        rd.verify(0, postRequestedFor(urlPathEqualTo(EVENTS)));

        // WooCommerce sends order.updated on every save: processing, then completed.
        woo("order.updated", created).post("/webhooks/woocommerce").then().statusCode(200).body("outcome", equalTo("duplicate"));
        woo("order.updated", created.replace("\"processing\"", "\"completed\"")).post("/webhooks/woocommerce")
                .then().statusCode(200).body("outcome", equalTo("duplicate"));
        rd.verify(1, postRequestedFor(urlMatching("/platform/.*")));
    }

    @Test
    void theActivationPingIsAnswered() {
        given().contentType("application/x-www-form-urlencoded").body("webhook_id=3").post("/webhooks/woocommerce")
                .then().statusCode(200).body("outcome", org.hamcrest.Matchers.equalTo("pong")); // one shape for every ping
        rd.verify(0, postRequestedFor(urlMatching("/platform/.*")));
    }

    @Test
    void aForgedOrderIsRefused() {
        given().contentType("application/json").header("X-WC-Webhook-Topic", "order.created")
                .header("X-WC-Webhook-Signature", "forged=").body(Fixtures.text("vendors/woocommerce/order-created.json"))
                .post("/webhooks/woocommerce").then().statusCode(401);
        rd.verify(0, postRequestedFor(urlMatching("/platform/.*")));
    }
}
