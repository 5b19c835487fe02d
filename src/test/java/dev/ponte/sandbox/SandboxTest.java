package dev.ponte.sandbox;

import static dev.ponte.testing.RdStubs.operator;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import dev.ponte.rd.events.EventType;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.WireMockRd;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded default: Ponte delivering to the in-process RD look-alike over real HTTP. */
@QuarkusTest
@TestProfile(SandboxTest.Enabled.class)
class SandboxTest {

    static final int PORT = 18089;

    public static class Enabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "ponte.sandbox.enabled", "true",
                    "ponte.sandbox.port", String.valueOf(PORT),
                    "ponte.rd.url", "http://localhost:" + PORT,
                    "ponte.rd.client-id", "sandbox",
                    "ponte.rd.client-secret", "sandbox",
                    "ponte.rd.refresh-token", "sandbox",
                    "ponte.vendors.shopify.secret", WireMockRd.SHOPIFY_SECRET,
                    "ponte.api-token", WireMockRd.API_TOKEN);
        }
    }

    @Inject
    SandboxLedger ledger;

    @BeforeEach
    void empty() {
        ledger.clear();
    }

    @Test
    void everyEventTypeIsAcceptedAndShown() {
        for (EventType type : EventType.values()) {
            operator().body(Fixtures.rdExample(type)).post("/events").then().statusCode(200);
        }
        given().get("/sandbox/events").then().statusCode(200)
                .body("", hasSize(EventType.values().length))
                .body("event.event_type", hasItems(Arrays.stream(EventType.values()).map(Enum::name).toArray(String[]::new)))
                .body("[0].endpoint", equalTo("/platform/events"));
        given().get("/sandbox").then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString(EventType.values().length + " event(s)"), containsString("MEDIA_PLAYBACK_STOPPED"), containsString("ECOMMERCE_ORDER_REFUNDED"));
    }

    @Test
    void batchesGetOneUuidPerEventInOrder() {
        String batch = "[" + Fixtures.rdExample(EventType.ORDER_PLACED) + "," + Fixtures.rdExample(EventType.ORDER_PLACED_ITEM) + "]";
        operator().body(batch).post("/events/batch").then().statusCode(200).body("events", hasSize(2));
        given().get("/sandbox/events").then().body("event.event_type", org.hamcrest.Matchers.contains("ORDER_PLACED_ITEM", "ORDER_PLACED"));
    }

    @Test
    void theSandboxItselfBehavesLikeRd() {
        String rd = "http://localhost:" + PORT;
        given().contentType(ContentType.JSON).body(Fixtures.rdExample(EventType.SALE)).post(rd + "/platform/events")
                .then().statusCode(401).body("errors[0].error_type", equalTo("UNAUTHORIZED"));
        given().contentType(ContentType.JSON).body("{\"client_id\":\"x\"}").post(rd + "/auth/token")
                .then().statusCode(401);
        String token = given().contentType(ContentType.JSON)
                .body("{\"client_id\":\"a\",\"client_secret\":\"b\",\"refresh_token\":\"c\"}").post(rd + "/auth/token")
                .then().statusCode(200).body("expires_in", equalTo(86400)).extract().path("access_token");
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body("{\"event_type\":\"SALE\",\"event_family\":\"CDP\",\"payload\":{}}").post(rd + "/platform/events")
                .then().statusCode(400).body("errors.path", hasItems("$.body.payload.email", "$.body.payload.funnel_name"));
        given().contentType(ContentType.JSON).body(Fixtures.rdExample(EventType.SALE))
                .post(rd + "/platform/conversions?api_key=k").then().statusCode(400)
                .body("errors[0].path", equalTo("$.body.event_type"));
        given().get(rd + "/sandbox/events").then().statusCode(200);
        given().redirects().follow(false).get("/sandbox").then().statusCode(303)
                .header("Location", equalTo(rd + "/sandbox"));
    }
}
