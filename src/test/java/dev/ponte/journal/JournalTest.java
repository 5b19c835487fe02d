package dev.ponte.journal;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ponte.testing.RdStubs.BATCH;
import static dev.ponte.testing.RdStubs.EVENTS;
import static dev.ponte.testing.RdStubs.accepted;
import static dev.ponte.testing.RdStubs.batchAccepted;
import static dev.ponte.testing.RdStubs.json;
import static dev.ponte.testing.RdStubs.operator;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ponte.rd.events.EventType;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.FreshState;
import dev.ponte.testing.InjectRd;
import dev.ponte.testing.RdStubs;
import dev.ponte.testing.SignedRequests;
import dev.ponte.testing.WireMockRd;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HeaderConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What happened to one webhook, answered by {@code /admin/deliveries}: delivered, refused or parked, with its events. */
@QuarkusTest
@WithTestResource(WireMockRd.class)
class JournalTest {

    @InjectRd
    WireMockServer rd;

    @Inject
    FreshState fresh;

    @BeforeEach
    void freshRd() {
        fresh.reset(rd);
        rd.stubFor(post(urlEqualTo(BATCH)).willReturn(batchAccepted(4)));
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(accepted("sale-uuid-1")));
    }

    /** A Shopify webhook of {@code fixture}, signed, under the webhook id {@code id}. */
    private static RequestSpecification shopify(String topic, String fixture, String id) {
        byte[] body = Fixtures.text("vendors/shopify/" + fixture).getBytes(StandardCharsets.UTF_8);
        return SignedRequests.signed("shopify", topic, body, Instant.now())
                .config(RestAssured.config().headerConfig(HeaderConfig.headerConfig()
                        .overwriteHeadersWithName("X-Shopify-Webhook-Id")))
                .header("X-Shopify-Webhook-Id", id);
    }

    @Test
    void aDeliveredWebhookIsFoundByItsDeliveryIdWithItsEventsAndRdsAnswer() {
        String webhook = UUID.randomUUID().toString();
        shopify("orders/create", "orders-create.json", webhook).post("/webhooks/shopify").then().statusCode(200);

        JsonPath found = operator().queryParam("q", webhook).get("/admin/deliveries").then().statusCode(200)
                .body("", hasSize(1)).extract().jsonPath();
        assertThat(found.getString("[0].source")).isEqualTo("shopify");
        assertThat(found.getString("[0].topic")).isEqualTo("orders/create");
        assertThat(found.getString("[0].outcome")).isEqualTo("delivered");
        assertThat(found.getList("[0].delivery_ids", String.class)).containsExactly(webhook);
        assertThat(found.getList("[0].event_types", String.class)).contains("ORDER_PLACED", "ORDER_PLACED_ITEM");
        assertThat(found.getList("[0].contacts", String.class)).containsExactly("j***@e***.com");

        String id = found.getString("[0].id");
        operator().get("/admin/deliveries/" + id).then().statusCode(200)
                .body("events[0].event_type", equalTo("ORDER_PLACED"))
                .body("events[0].payload.email", equalTo("j***@e***.com"))
                .body("rd_answer.events", hasSize(4));
        operator().queryParam("reveal", true).get("/admin/deliveries/" + id).then()
                .body("events[0].payload.email", equalTo("jon@example.com"))
                .body("contacts", contains("jon@example.com"));
    }

    @Test
    void aForgedWebhookIsRecordedAsRefusedWithWhy() {
        String webhook = UUID.randomUUID().toString();
        given().contentType("application/json").header("X-Shopify-Topic", "orders/create")
                .header("X-Shopify-Webhook-Id", webhook).header("X-Shopify-Hmac-Sha256", "forged")
                .body(Fixtures.text("vendors/shopify/orders-create.json")).post("/webhooks/shopify").then().statusCode(401);
        JsonPath found = operator().queryParam("vendor", "shopify").queryParam("outcome", "forged")
                .get("/admin/deliveries").then().statusCode(200).extract().jsonPath();
        assertThat(found.getInt("[0].status")).isEqualTo(401);
        assertThat(found.getString("[0].reason")).isNotBlank();
    }

    @Test
    void aWebhookRdRefusesShowsItsDeadLetterAndWhy() {
        rd.stubFor(post(urlEqualTo(BATCH)).willReturn(json(400, "{\"errors\":[{\"error_type\":\"INVALID_OPTION\","
                + "\"error_message\":\"Unknown funnel.\",\"path\":\"$.body[2].payload.funnel_name\"}]}")));
        String webhook = UUID.randomUUID().toString();
        shopify("orders/create", "orders-create.json", webhook).post("/webhooks/shopify").then().statusCode(200)
                .body("outcome", equalTo("parked"));
        JsonPath found = operator().queryParam("q", webhook).get("/admin/deliveries").then().extract().jsonPath();
        assertThat(found.getString("[0].outcome")).isEqualTo("parked");
        assertThat(found.getString("[0].dead_letter")).isNotBlank();
        assertThat(found.getString("[0].reason")).contains("Unknown funnel");
    }

    @Test
    void statsCountEachVendorsOutcomesAndRdsAnswers() {
        int before = operator().get("/admin/stats").then().statusCode(200).extract()
                .path("vendors.shopify.last_hour.delivered") instanceof Integer n ? n : 0;
        shopify("orders/create", "orders-create.json", UUID.randomUUID().toString()).post("/webhooks/shopify").then()
                .statusCode(200);
        operator().get("/admin/stats").then().statusCode(200)
                .body("vendors.shopify.last_hour.delivered", equalTo(before + 1))
                .body("vendors.shopify.last_day.delivered", equalTo(before + 1))
                .body("rd.limit_per_minute", equalTo(120))
                .body("rd.last_hour.accepted", org.hamcrest.Matchers.greaterThan(0))
                .body("rd.circuit", equalTo("closed"));
    }

    @Test
    void theEventsApiIsRecordedUnderItsIdempotencyKeyAndTheJournalIsTheOperatorsOnly() {
        operator().header("Idempotency-Key", "journal-sale-1").body(Fixtures.rdExample(EventType.SALE)).post("/events")
                .then().statusCode(200);
        operator().queryParam("vendor", "events").queryParam("q", "journal-sale-1").get("/admin/deliveries").then()
                .body("[0].outcome", equalTo("delivered")).body("[0].event_types", contains("SALE"))
                .body("[0].delivery_ids", contains("journal-sale-1"));
        given().get("/admin/deliveries").then().statusCode(401);
        operator().get("/admin/deliveries/nope").then().statusCode(404);
    }
    /**
     * A list longer than one write buffer arrives whole, on Lambda as on a server: Lambda's event
     * bridge never drains a chunked answer, so an answer over 8 KB used to stop at its first 8 KB.
     */
    @Test
    void aLongListArrivesWhole() {
        for (int i = 0; i < 40; i++) {
            shopify("orders/create", "orders-create.json", UUID.randomUUID().toString()).post("/webhooks/shopify")
                    .then().statusCode(200);
        }
        io.restassured.response.Response list = operator().queryParam("limit", "40").get("/admin/deliveries");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.asByteArray().length).as("bytes of the answer").isGreaterThan(8192);
        assertThat(list.jsonPath().getList("")).hasSize(40);
    }
}
