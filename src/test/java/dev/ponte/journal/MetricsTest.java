package dev.ponte.journal;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.ponte.testing.RdStubs.BATCH;
import static dev.ponte.testing.RdStubs.batchAccepted;
import static dev.ponte.testing.RdStubs.json;
import static dev.ponte.testing.Scrapes.sample;
import static dev.ponte.testing.Scrapes.scrape;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.github.tomakehurst.wiremock.WireMockServer;
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
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A scrape of {@code /q/metrics} after a known set of webhooks counts exactly those. */
@QuarkusTest
@WithTestResource(WireMockRd.class)
class MetricsTest {

    @InjectRd
    WireMockServer rd;

    @Inject
    FreshState fresh;

    @BeforeEach
    void freshRd() {
        fresh.reset(rd);
        rd.stubFor(post(urlEqualTo(BATCH)).willReturn(batchAccepted(4)));
    }

    private static final AtomicInteger UNIQUE = new AtomicInteger(ThreadLocalRandom.current().nextInt(100, 2_000));

    /**
     * Shopify's order, with trailing spaces no other request of this test run used: the same
     * signed bytes under another webhook id would be answered as a replay, not delivered.
     */
    private static byte[] uniqueOrder() {
        return (Fixtures.text("vendors/shopify/orders-create.json") + " ".repeat(UNIQUE.incrementAndGet()))
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aKnownSetOfWebhooksIsCountedExactly() {
        String delivered = "outcome=\"delivered\",topic=\"orders/create\",vendor=\"shopify\"";
        String duplicate = "outcome=\"duplicate\",topic=\"orders/create\",vendor=\"shopify\"";
        String forged = "outcome=\"forged\",topic=\"\",vendor=\"shopify\"";
        String before = scrape();

        // Three more bodies, each signed as sent: the same bytes again would be a replay, not a delivery.
        for (int copy = 1; copy <= 3; copy++) {
            SignedRequests.signed("shopify", "orders/create", uniqueOrder(), Instant.now()).post("/webhooks/shopify")
                    .then().statusCode(200);
        }
        String twice = UUID.randomUUID().toString();
        byte[] once = uniqueOrder();
        for (int copy = 0; copy < 2; copy++) {
            SignedRequests.signed("shopify", "orders/create", once, Instant.now())
                    .config(RestAssured.config().headerConfig(HeaderConfig.headerConfig()
                            .overwriteHeadersWithName("X-Shopify-Webhook-Id")))
                    .header("X-Shopify-Webhook-Id", twice).post("/webhooks/shopify").then().statusCode(200);
        }
        given().contentType("application/json").header("X-Shopify-Topic", "orders/create")
                .header("X-Shopify-Webhook-Id", UUID.randomUUID().toString()).header("X-Shopify-Hmac-Sha256", "forged")
                .body("{}").post("/webhooks/shopify").then().statusCode(401);

        String after = scrape();
        assertThat(sample(after, "ponte_webhooks_total", delivered) - sample(before, "ponte_webhooks_total", delivered))
                .isEqualTo(4);
        assertThat(sample(after, "ponte_webhooks_total", duplicate) - sample(before, "ponte_webhooks_total", duplicate))
                .isEqualTo(1);
        assertThat(sample(after, "ponte_webhooks_total", forged) - sample(before, "ponte_webhooks_total", forged))
                .isEqualTo(1);
        String accepted = "result=\"accepted\"";
        assertThat(sample(after, "ponte_rd_requests_seconds_count", accepted)
                - sample(before, "ponte_rd_requests_seconds_count", accepted)).isEqualTo(4);
        assertThat(sample(after, "ponte_rd_requests_seconds_sum", accepted)).isPositive();
    }

    @Test
    void deadLettersAreCountedByStatus() {
        rd.stubFor(post(urlEqualTo(BATCH)).willReturn(json(400, "{\"errors\":[{\"error_type\":\"INVALID_OPTION\","
                + "\"error_message\":\"Unknown funnel.\",\"path\":\"$.body[2].payload.funnel_name\"}]}")));
        SignedRequests.signed("shopify", "orders/create", uniqueOrder(), Instant.now()).post("/webhooks/shopify").then()
                .statusCode(200).body("outcome", equalTo("parked"));
        String scrape = scrape();
        assertThat(sample(scrape, "ponte_dead_letters", "status=\"held\"")).isEqualTo(1);
        assertThat(sample(scrape, "ponte_dead_letters", "status=\"waiting\"")).isEqualTo(0);
    }

    /** The JVM's and the process's meters are there from the first scrape on (bound by it, not at start-up). */
    @Test
    void theJvmsAndTheProcesssMetersAreScraped() {
        String scrape = scrape();
        assertThat(scrape).contains("jvm_memory_used_bytes{", "jvm_threads_live_threads ", "jvm_classes_loaded_classes ",
                "process_cpu_usage ", "process_uptime_seconds ", "system_cpu_count ");
        assertThat(scrape()).containsOnlyOnce("# TYPE jvm_memory_used_bytes gauge");
    }

    /** Prometheus's text format unless the scraper asks for OpenMetrics; both carry Ponte's meters. */
    @Test
    void theScraperChoosesTheFormat() {
        String text = given().get("/q/metrics").then().statusCode(200)
                .header("Content-Type", startsWith("text/plain; version=0.0.4")).extract().asString();
        assertThat(text).contains("# TYPE ponte_dead_letters gauge").doesNotContain("# EOF");
        String open = given().header("Accept", "application/openmetrics-text; version=1.0.0,text/plain;q=0.5")
                .get("/q/metrics").then().statusCode(200)
                .header("Content-Type", startsWith("application/openmetrics-text; version=1.0.0")).extract().asString();
        assertThat(open).contains("# TYPE ponte_dead_letters gauge").endsWith("# EOF\n");
    }
}
