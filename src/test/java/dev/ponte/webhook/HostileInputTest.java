package dev.ponte.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

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
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hostile inputs probes found answered 500 or passed to RD, each now a field-speaking 400 or a dead letter. */
@QuarkusTest
@WithTestResource(WireMockRd.class)
class HostileInputTest {

    @InjectRd
    WireMockServer rd;

    @Inject
    RdCircuit breakers;

    @Inject
    Clock clock;

    @BeforeEach
    void acceptingRd() {
        RdStubs.reset(rd);
        breakers.reset();
        RdStubs.acceptEvents(rd);
        rd.stubFor(post(urlEqualTo(RdStubs.BATCH)).willReturn(RdStubs.batchAccepted(10)));
    }

    @Test
    void nestingDeeperThanAThousandLevelsIsA400ThatNamesNoLibrary() {
        RdStubs.operator().body("[".repeat(1_500) + "]".repeat(1_500)).post("/events")
                .then().statusCode(400)
                .body("errors[0].error_type", equalTo("INVALID_FORMAT"))
                .body("errors[0].error_message", containsString("1001 levels deep; at most 1000"))
                .body("errors[0].error_message", not(containsString("StreamReadConstraints")));
    }

    @Test
    void aSignedNullBodyIsA400() {
        shopify("orders/create", "null").post("/webhooks/shopify").then().statusCode(400)
                .body("errors[0].error_message", containsString("empty or null"));
        assertThat(RdStubs.acceptedEvents(rd)).isEmpty();
    }

    @Test
    void aNullLineItemIsLeftOutAndTheOrderDelivered() {
        String order = Fixtures.text("vendors/shopify/orders-create.json").replace("\"line_items\":[", "\"line_items\":[null,");
        shopify("orders/create", order).post("/webhooks/shopify").then().statusCode(200).body("outcome", equalTo("delivered"));
    }

    @Test
    void aWrongTypeIsNamedByItsFieldNotByAJavaClass() {
        String order = Fixtures.text("vendors/shopify/orders-create.json").replaceFirst("\"customer\":\\{", "\"customer\":\"x\",\"was\":{");
        shopify("orders/create", order).post("/webhooks/shopify").then().statusCode(400)
                .body("errors[0].error_message", equalTo("Expected an object at $.body.customer."))
                .body("errors[0].path", equalTo("$.body.customer"));
    }

    @Test
    void aFractionalQuantityIsRefusedNotTruncated() {
        String order = withFirstLine("quantity", new java.math.BigDecimal("1.7"));
        shopify("orders/create", order).post("/webhooks/shopify").then().statusCode(400)
                .body("errors[0].path", containsString("$.body.line_items[0].quantity"))
                .body("errors[0].error_message", containsString("whole number"));
        assertThat(RdStubs.acceptedEvents(rd)).isEmpty();
    }

    @Test
    void aNegativeQuantityOrPriceIsKeptForTheOperatorNotSent() {
        String order = withFirstLine("quantity", new java.math.BigDecimal("-3"))
                .replace("\"total_price\":\"1575.90\"", "\"total_price\":\"-5.00\"");
        shopify("orders/create", order).post("/webhooks/shopify").then().statusCode(200)
                .body("outcome", equalTo("parked"))
                .body("reason", containsString("RD would refuse the mapped events"));
        assertThat(RdStubs.acceptedEvents(rd)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana\\u0000@example.com", "\\u200bana@example.com", "ana@exam\\u202eple.com",
            "ana\\ud800@example.com", "ana @example.com"})
    void anEmailWithInvisibleOrControlCharactersIsRefused(String email) {
        RdStubs.operator().body("{\"event_type\":\"SALE\",\"event_family\":\"CDP\",\"payload\":{\"email\":\"" + email
                + "\",\"funnel_name\":\"default\",\"value\":1}}").post("/events")
                .then().statusCode(400).body("errors[0].path", equalTo("$.body.payload.email"));
        assertThat(RdStubs.acceptedEvents(rd)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5.00", "1000000000000", "9999999999999999999999999999999999999999"})
    void anAmountRdCannotKeepIsRefused(String value) {
        RdStubs.operator().body("{\"event_type\":\"SALE\",\"event_family\":\"CDP\",\"payload\":{\"email\":\"ana@example.com\","
                + "\"funnel_name\":\"default\",\"value\":" + value + "}}").post("/events")
                .then().statusCode(400).body("errors[0].path", equalTo("$.body.payload.value"))
                .body("errors[0].error_message", containsString("from 0 to 999999999999.99"));
    }

    @Test
    void aNumberOfFourHundredDigitsIsRefused() {
        RdStubs.operator().body("{\"event_type\":\"SALE\",\"event_family\":\"CDP\",\"payload\":{\"email\":\"ana@example.com\","
                + "\"funnel_name\":\"default\",\"value\":" + "9".repeat(401) + "}}").post("/events")
                .then().statusCode(400).body("errors[0].path", equalTo("$.body.payload.value"));
    }

    /** Shopify's sample order with one field of its first line item changed. */
    private static String withFirstLine(String field, java.math.BigDecimal value) {
        com.fasterxml.jackson.databind.JsonNode order = Fixtures.json("vendors/shopify/orders-create.json");
        ((com.fasterxml.jackson.databind.node.ObjectNode) order.get("line_items").get(0)).put(field, value);
        return order.toString();
    }

    private io.restassured.specification.RequestSpecification shopify(String topic, String body) {
        return SignedRequests.signed("shopify", topic, body.getBytes(StandardCharsets.UTF_8), clock.instant());
    }
}
