package dev.ponte.sandbox;

import static dev.ponte.testing.RdStubs.operator;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

import dev.ponte.rd.events.EventType;
import dev.ponte.testing.Browser;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.SignedRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The sandbox page as a person sees it, in a real Chromium 1280 px wide: every event says which
 * vendor, topic and delivery produced it, nothing scrolls sideways, and Clear empties it.
 */
@QuarkusTest
@TestProfile(SandboxTest.Enabled.class)
class SandboxPageTest {

    private static final String PAGE = "http://localhost:" + SandboxTest.PORT + "/sandbox";

    @Inject
    SandboxLedger ledger;

    @BeforeEach
    void empty() {
        ledger.clear();
    }

    @Test
    void eachEventNamesWhatProducedItAndThePageFits1280Pixels() {
        byte[] order = Fixtures.text("vendors/shopify/orders-create.json").getBytes(StandardCharsets.UTF_8);
        String webhookId = "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043";
        String outcome = SignedRequests.signed("shopify", "orders/create", order, Instant.now())
                .config(io.restassured.RestAssured.config().headerConfig(io.restassured.config.HeaderConfig.headerConfig()
                        .overwriteHeadersWithName("X-Shopify-Webhook-Id")))
                .header("X-Shopify-Webhook-Id", webhookId)
                .post("/webhooks/shopify").then().statusCode(200).extract().path("outcome");
        assertThat(outcome).isEqualTo("delivered");
        operator().header("Idempotency-Key", "sale-1001").body(Fixtures.rdExample(EventType.SALE)).post("/events")
                .then().statusCode(200);

        // Newest first: the SALE, then the order's events (ORDER_PLACED, one ORDER_PLACED_ITEM per line, its funnel stage).
        io.restassured.path.json.JsonPath events = given().get(PAGE + "/events").then().statusCode(200).extract().jsonPath();
        int shown = events.getList("").size();
        assertThat(events.getList("source")).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, shown).mapToObj(i -> i == 0 ? "events" : "shopify").toList());
        assertThat(events.getList("topic").subList(1, shown)).containsOnly("orders/create");
        assertThat(events.getList("delivery_id")).first().isEqualTo("sale-1001");
        assertThat(events.getList("delivery_id").subList(1, shown)).containsOnly(webhookId);
        assertThat(events.getList("event.event_type", String.class).subList(1, shown))
                .contains("ORDER_PLACED", "ORDER_PLACED_ITEM");

        try (Browser browser = Browser.open(1280, 900)) {
            browser.driver().get(PAGE);
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("tbody tr"));
            assertThat(rows).hasSize(shown);
            assertThat(rows.get(0).getText()).contains("SALE", "/events", "sale-1001");
            assertThat(rows.get(1).getText()).contains("shopify · orders/create", webhookId);
            rows.get(1).findElement(By.tagName("summary")).click(); // an open payload must not widen the page either
            assertThat(browser.overflowX()).as("pixels the page is wider than a 1280 px window").isZero();
            browser.screenshot("sandbox");

            browser.driver().findElement(By.id("clear")).click();
            // The page clears once its DELETE is answered: wait for it rather than race it.
            browser.waitFor("the list emptied", () -> browser.driver().findElements(By.cssSelector("tbody tr")).isEmpty());
            assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("0 event(s)");
        }
        given().get(PAGE + "/events").then().body("", hasSize(0));
    }

    @Test
    void theEventListCanBeClearedWithoutAPage() {
        operator().body(Fixtures.rdExample(EventType.SALE)).post("/events").then().statusCode(200);
        given().get(PAGE + "/events").then().body("", hasSize(1));
        given().delete(PAGE + "/events").then().statusCode(204);
        given().get(PAGE + "/events").then().body("", hasSize(0));
    }
}
