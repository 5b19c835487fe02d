package dev.ponte.vendors.vtex;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ponte.rd.RdCircuit;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.InjectRd;
import dev.ponte.testing.RdStubs;
import dev.ponte.testing.WireMockRd;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** VTEX end to end: the hook in, the order read from a WireMock OMS, RD's events out, within VTEX's 5 s. */
@QuarkusTest
@WithTestResource(WireMockRd.class)
class VtexWebhookTest {

    static final String OMS = "/api/oms/pvt/orders/v52277740atmc-01";

    @InjectRd
    WireMockServer server;

    @Inject
    RdCircuit breakers;

    @BeforeEach
    void fresh() {
        RdStubs.reset(server);
        breakers.reset();
        server.stubFor(post(urlEqualTo(BATCH)).willReturn(json(200,
                "{\"event_batch_uuid\":\"b\",\"events\":[{\"event_uuid\":\"1\"},{\"event_uuid\":\"2\"}]}")));
        server.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(accepted("sale")));
    }

    @Test
    void aHookIsAnsweredWithinFiveSecondsAndEachStageReachesRdOnce() {
        server.stubFor(get(urlEqualTo(OMS)).willReturn(json(200, Fixtures.text("sandbox/vtex/order-1172452900788-01.json"))));
        String hook = Fixtures.text("vendors/vtex/hook-ready-for-handling.json");

        long started = System.nanoTime();
        given().contentType("application/json").header("X-Ponte-Hook-Key", WireMockRd.VTEX_HOOK_KEY).body(hook)
                .post("/webhooks/vtex").then().statusCode(200);
        org.assertj.core.api.Assertions.assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        // VTEX moves the order on; the later state's ORDER_PLACED and SALE are already in RD.
        given().contentType("application/json").header("X-Ponte-Hook-Key", WireMockRd.VTEX_HOOK_KEY)
                .body(hook.replace("ready-for-handling", "invoiced")).post("/webhooks/vtex").then().statusCode(200)
                .body("outcome", org.hamcrest.Matchers.equalTo("duplicate"));

        server.verify(2, getRequestedFor(urlEqualTo(OMS))
                .withHeader("X-VTEX-API-AppKey", equalTo(WireMockRd.VTEX_APP_KEY))
                .withHeader("X-VTEX-API-AppToken", equalTo(WireMockRd.VTEX_APP_TOKEN)));
        // Both stages of the first hook went to RD in one batch call.
        server.verify(1, postRequestedFor(urlEqualTo(BATCH)).withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$[?(@.event_type == 'SALE')]")));
        server.verify(0, postRequestedFor(urlPathEqualTo(EVENTS)));
    }

    @Test
    void thePingIsAnsweredAndAForgedHookRefused() {
        given().contentType("application/json").body("{\"hookConfig\":\"ping\"}").header("X-Ponte-Hook-Key", WireMockRd.VTEX_HOOK_KEY)
                .post("/webhooks/vtex").then().statusCode(200).body("outcome", org.hamcrest.Matchers.equalTo("pong"));
        given().contentType("application/json").header("X-Ponte-Hook-Key", "guessed")
                .body(Fixtures.text("vendors/vtex/hook-ready-for-handling.json")).post("/webhooks/vtex").then().statusCode(401);
        server.verify(0, postRequestedFor(urlMatching("/platform/.*")));
    }
}
