package dev.ponte.mapping.files;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ponte.testing.RdStubs.BATCH;
import static dev.ponte.testing.RdStubs.EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ponte.rd.RdCircuit;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.InjectRd;
import dev.ponte.testing.RdStubs;
import dev.ponte.testing.SignedRequests;
import dev.ponte.testing.WireMockRd;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The vendors shipped as mapping files, over real HTTP, signed as each vendor signs, into a WireMock RD. */
@QuarkusTest
@WithTestResource(WireMockRd.class)
class ShippedVendorsWebhookTest {

    @InjectRd
    WireMockServer rd;

    @Inject
    RdCircuit breakers;

    @Inject
    java.time.Clock clock;

    @BeforeEach
    void fresh() {
        RdStubs.reset(rd);
        breakers.reset();
        RdStubs.acceptEvents(rd);
        rd.stubFor(post(urlPathEqualTo(BATCH)).willReturn(RdStubs.batchAccepted(2)));
    }

    io.restassured.response.Response send(String vendor, String fixture) {
        byte[] body = Fixtures.text("vendors/" + vendor + "/" + fixture + ".json").getBytes(StandardCharsets.UTF_8);
        return SignedRequests.signed(vendor, fixture, body, clock.instant()).post("/webhooks/" + vendor);
    }

    static List<JsonNode> expectedEvents(String vendor, String fixture) {
        List<JsonNode> events = new ArrayList<>();
        Fixtures.json("vendors/" + vendor + "/" + fixture + ".expected.json").forEach(d -> d.get("events").forEach(events::add));
        return events;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"hotmart, PURCHASE_APPROVED", "kiwify, billet_created", "eduzz, invoice_paid",
            "calendly, invitee.created", "typeform, form_response.refs", "stripe, checkout.session.completed"})
    void aSignedRealWebhookReachesRdAsItsEvents(String vendor, String fixture) {
        send(vendor, fixture).then().log().ifValidationFails().statusCode(200).body("outcome", equalTo("delivered"));
        assertThat(RdStubs.acceptedEvents(rd)).containsExactlyElementsOf(expectedEvents(vendor, fixture));
    }

    @Test
    void aHotmartPurchaseIsOneSaleWhetherApprovedCompleteOrBothArrive() {
        send("hotmart", "PURCHASE_APPROVED").then().statusCode(200).body("outcome", equalTo("delivered"));
        send("hotmart", "PURCHASE_COMPLETE").then().statusCode(200).body("outcome", equalTo("delivered"));
        send("hotmart", "PURCHASE_COMPLETE").then().statusCode(200).body("outcome", equalTo("duplicate"));

        List<String> types = RdStubs.acceptedEvents(rd).stream().map(e -> e.get("event_type").asText() + " "
                + e.path("payload").path("conversion_identifier").asText()).toList();
        assertThat(types).containsExactly("SALE ", "CONVERSION hotmart-approved", "CONVERSION hotmart-complete");
    }

    @Test
    void aForgedOrUnsignedWebhookIsRefusedAndNothingIsSent() {
        String body = Fixtures.text("vendors/kiwify/billet_created.json");
        io.restassured.RestAssured.given().contentType("application/json").queryParam("signature", "00" + "ab".repeat(19))
                .body(body).post("/webhooks/kiwify")
                .then().statusCode(401).body("errors[0].error_type", equalTo("INVALID_SIGNATURE"));
        io.restassured.RestAssured.given().contentType("application/json")
                .body(Fixtures.text("vendors/hotmart/PURCHASE_APPROVED.json")).post("/webhooks/hotmart")
                .then().statusCode(401).body("errors[0].error_message", equalTo("The X-HOTMART-HOTTOK header is missing."));
        rd.verify(0, postRequestedFor(urlPathEqualTo(EVENTS)));
        rd.verify(0, postRequestedFor(urlPathEqualTo(BATCH)));
    }

    @Test
    void aSampleIsTriedWithoutSendingAnything() {
        String body = Fixtures.text("vendors/kiwify/billet_created.json");
        RdStubs.operator().body(Map.of("body", body, "query", Map.of("signature", "06f61a6aff46cea884f02a981caedc92c3c247b8")))
                .post("/admin/mappings/kiwify/try")
                .then().statusCode(200)
                .body("defined_in", equalTo("mappings/kiwify.yaml"))
                // The tests configure the token Kiwify signed this real delivery with.
                .body("verified", equalTo(true))
                .body("outcome", equalTo("mapped"))
                .body("topic", equalTo("billet_created"))
                .body("deliveries[0].delivery_id", equalTo("kiwify-ce936450-f853-4f66-9c72-03964fa436ea:billet_created"))
                .body("deliveries[0].events.event_type", equalTo(List.of("OPPORTUNITY", "CONVERSION")))
                .body("deliveries[0].events[1].payload.conversion_identifier", equalTo("kiwify-billet-created"))
                .body("deliveries[0].errors", equalTo(List.of()));

        RdStubs.operator().body(Map.of("body", Fixtures.text("vendors/shopify/orders-paid.json"),
                        "headers", Map.of("X-Shopify-Topic", "orders/paid")))
                .post("/admin/mappings/shopify/try")
                .then().statusCode(200).body("defined_in", equalTo("java")).body("verified", equalTo(false))
                .body("outcome", equalTo("mapped")).body("deliveries[0].events.event_type", hasItem("SALE"));
        rd.verify(0, postRequestedFor(urlPathEqualTo(EVENTS)));
        rd.verify(0, postRequestedFor(urlPathEqualTo(BATCH)));
    }

    @Test
    void aTrialSaysWhatRdWouldRefuseAndWhatIsIgnored() {
        String order = Fixtures.text("vendors/hotmart/PURCHASE_APPROVED.json")
                .replace("testeComprador271101postman15@example.com", "");
        RdStubs.operator().body(Map.of("body", order, "headers", Map.of("X-HOTMART-HOTTOK", WireMockRd.HOTMART_TOKEN)))
                .post("/admin/mappings/hotmart/try")
                .then().statusCode(200).body("verified", equalTo(true)).body("outcome", equalTo("ignored"))
                .body("why", equalTo("The buyer has no email, so RD has no contact for this purchase."));
        RdStubs.operator().body(Map.of("body", Map.of("event", "PURCHASE_APPROVED", "data", Map.of())))
                .post("/admin/mappings/hotmart/try")
                .then().statusCode(200).body("outcome", equalTo("malformed"))
                .body("errors[0].path", equalTo("$.data.purchase.transaction"));
        RdStubs.operator().body(Map.of("body", Map.of("type", "unknown")))
                .post("/admin/mappings/stripe/try")
                .then().statusCode(200).body("outcome", equalTo("ignored")).body("topic", equalTo("unknown"));
        RdStubs.operator().body(Map.of("nobody", true)).post("/admin/mappings/stripe/try")
                .then().statusCode(400).body("errors[0].path", equalTo("$.body"));
        RdStubs.operator().body(Map.of("body", "{}")).post("/admin/mappings/nobody/try")
                .then().statusCode(404).body("errors[0].error_type", equalTo("RESOURCE_NOT_FOUND"));
        io.restassured.RestAssured.given().contentType("application/json").body(Map.of("body", "{}"))
                .post("/admin/mappings/stripe/try").then().statusCode(401);
    }

    @Test
    void theVendorsAreListedWithWhereEachIsDefined() {
        RdStubs.operator().get("/admin/mappings").then().statusCode(200)
                .body("find { it.vendor == 'stripe' }.defined_in", equalTo("mappings/stripe.yaml"))
                .body("find { it.vendor == 'tawkto' }.defined_in", equalTo("mappings/tawkto.yaml"))
                .body("find { it.vendor == 'shopify' }.defined_in", equalTo("java"))
                .body("vendor", hasItem("hotmart"));
    }
}
