package dev.ponte.vendors.nuvemshop;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static dev.ponte.testing.RdStubs.BATCH;
import static dev.ponte.testing.RdStubs.json;
import static io.restassured.RestAssured.given;

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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Nuvemshop end to end: the signed notification in, the order read back from a WireMock Nuvemshop API, RD's events out. */
@QuarkusTest
@WithTestResource(WireMockRd.class)
class NuvemshopWebhookTest {

    static final String ORDER_PATH = "/v1/123456/orders/450789469";

    @InjectRd
    WireMockServer server;

    @Inject
    RdCircuit breakers;

    @BeforeEach
    void fresh() {
        RdStubs.reset(server);
        breakers.reset();
        server.stubFor(post(urlEqualTo(BATCH)).willReturn(json(200,
                "{\"event_batch_uuid\":\"b\",\"events\":[{\"event_uuid\":\"1\"},{\"event_uuid\":\"2\"},{\"event_uuid\":\"3\"}]}")));
    }

    static RequestSpecification nuvemshop(String fixture) {
        String body = Fixtures.text("vendors/nuvemshop/" + fixture);
        return given().contentType("application/json")
                .header("x-linkedstore-hmac-sha256", Signatures.hex(Signatures.Algorithm.SHA256,
                        WireMockRd.NUVEMSHOP_SECRET, body.getBytes(StandardCharsets.UTF_8)))
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aNewOrderIsReadBackAndDeliveredOnce() {
        server.stubFor(get(urlEqualTo(ORDER_PATH)).willReturn(json(200, Fixtures.text("sandbox/nuvemshop/order-450789469.json"))));

        nuvemshop("order-created.json").post("/webhooks/nuvemshop").then().statusCode(200)
                .body("outcome", org.hamcrest.Matchers.equalTo("delivered"));
        nuvemshop("order-created.json").post("/webhooks/nuvemshop").then().statusCode(200)
                .body("outcome", org.hamcrest.Matchers.equalTo("duplicate"));

        // The copy is known from its notification: the order is read once, and RD gets its events once.
        server.verify(1, getRequestedFor(urlEqualTo(ORDER_PATH))
                .withHeader("Authentication", equalTo("bearer " + WireMockRd.NUVEMSHOP_TOKEN))
                .withHeader("User-Agent", containing("Ponte")));
        server.verify(1, postRequestedFor(urlEqualTo(BATCH)).withRequestBody(
                equalToJson(Fixtures.text("vendors/nuvemshop/order-created.legacy.expected.json"))));
    }

    @Test
    void aBriefApiFailureIsRetriedByPonte() {
        RdStubs.inTurn(server, "GET", ORDER_PATH, List.of(json(502, ""), json(200, Fixtures.text("sandbox/nuvemshop/order-450789469.json"))));
        server.stubFor(post(urlEqualTo("/platform/events")).willReturn(RdStubs.accepted("sale")));

        nuvemshop("order-paid.json").post("/webhooks/nuvemshop").then().statusCode(200);

        server.verify(2, getRequestedFor(urlEqualTo(ORDER_PATH)));
        server.verify(1, postRequestedFor(urlEqualTo("/platform/events")).withRequestBody(
                equalToJson(Fixtures.json("vendors/nuvemshop/order-paid.legacy.expected.json").get(0).toString())));
    }

    @Test
    void anApiThatStaysDownIs503SoNuvemshopSendsItAgain() {
        server.stubFor(get(urlEqualTo(ORDER_PATH)).willReturn(aResponse().withStatus(503)));

        nuvemshop("order-cancelled.json").post("/webhooks/nuvemshop").then().statusCode(503)
                .body("errors[0].error_type", org.hamcrest.Matchers.equalTo("VENDOR_API_UNAVAILABLE"));

        server.verify(3, getRequestedFor(urlEqualTo(ORDER_PATH)));
        server.verify(0, postRequestedFor(urlMatching("/platform/.*")));
        // and when Nuvemshop sends it again, it is not refused as a duplicate
        server.stubFor(get(urlEqualTo(ORDER_PATH)).willReturn(json(200, Fixtures.text("sandbox/nuvemshop/order-450789469.json"))));
        server.stubFor(post(urlEqualTo("/platform/events")).willReturn(RdStubs.accepted("lost")));
        nuvemshop("order-cancelled.json").post("/webhooks/nuvemshop").then().statusCode(200)
                .body("outcome", org.hamcrest.Matchers.equalTo("delivered"));
    }

    private static com.github.tomakehurst.wiremock.matching.StringValuePattern containing(String text) {
        return com.github.tomakehurst.wiremock.client.WireMock.containing(text);
    }
}
