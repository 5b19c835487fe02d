package dev.ponte.deploy;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.ponte.testing.RdStubs.BATCH;
import static dev.ponte.testing.RdStubs.EVENTS;
import static dev.ponte.testing.RdStubs.accepted;
import static dev.ponte.testing.RdStubs.batchAccepted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ponte.mapping.Signatures;
import dev.ponte.rd.events.EventType;
import dev.ponte.testing.EmfLines;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.WireMockRd;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingress function as deployed: the packaged artifact under AWS's runtime client, fed API
 * Gateway HTTP API (payload 2.0) events, with WireMock as RD.
 */
class PackagedFunctionIT {

    private static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    static WireMockServer rd;
    static PackagedFunction function;

    @BeforeAll
    static void startTheFunction() throws Exception {
        rd = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        rd.start();
        WireMockRd.stubToken(rd, WireMockRd.ACCESS_TOKEN, 86_400);
        rd.stubFor(post(urlEqualTo(BATCH)).willReturn(batchAccepted(4)));
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(accepted("sale-1")));
        Map<String, String> settings = new java.util.HashMap<>(dev.ponte.testing.Dynalite.environment());
        settings.putAll(Map.of(
                "PONTE_RD_URL", rd.baseUrl(),
                "PONTE_RD_CLIENT_ID", "client",
                "PONTE_RD_CLIENT_SECRET", "secret",
                "PONTE_RD_REFRESH_TOKEN", "refresh",
                "PONTE_API_TOKEN", WireMockRd.API_TOKEN,
                "PONTE_REDELIVERY_POLL", "false",
                "PONTE_VENDORS_SHOPIFY_SECRET", WireMockRd.SHOPIFY_SECRET));
        function = PackagedFunction.start("ponte-ingress", HANDLER, settings, work);
    }

    @AfterAll
    static void stop() throws Exception {
        if (function != null) {
            function.close();
        }
        if (rd != null) {
            rd.stop();
        }
    }

    @Test
    void theDependenciesAreOneJarWhoseServiceFilesAreEveryJars() throws Exception {
        Path dependencies = work.resolve("ponte-dependencies.jar");
        try (ZipFile zip = new ZipFile(System.getProperty("ponte.function-zip"))) {
            assertThat(zip.stream().map(ZipEntry::getName).filter(name -> name.startsWith("lib/")))
                    .containsExactly("lib/ponte-dependencies.jar");
            Files.copy(zip.getInputStream(zip.getEntry("lib/ponte-dependencies.jar")), dependencies);
        }
        try (JarFile jar = new JarFile(dependencies.toFile())) {
            assertThat(jar.isMultiRelease()).isTrue();
            String modules = new String(jar.getInputStream(jar.getEntry("META-INF/services/com.fasterxml.jackson.databind.Module"))
                    .readAllBytes(), StandardCharsets.UTF_8);
            // Four jars each named one module; all four are named.
            assertThat(modules.lines()).contains("com.fasterxml.jackson.datatype.jdk8.Jdk8Module",
                    "com.fasterxml.jackson.datatype.jsr310.JavaTimeModule",
                    "com.fasterxml.jackson.module.paramnames.ParameterNamesModule");
            assertThat(jar.getEntry("META-INF/INDEX.LIST")).isNull();
        }
    }

    @Test
    void aSignedShopifyOrderThroughApiGatewayBecomesItsRdEvents() throws Exception {
        String body = Fixtures.text("vendors/shopify/orders-create.json");
        String signature = Signatures.base64(Signatures.Algorithm.SHA256, WireMockRd.SHOPIFY_SECRET,
                body.getBytes(StandardCharsets.UTF_8));

        JsonNode answer = invoke(PackagedFunction.httpEvent("/webhooks/shopify", body, Map.of(
                "content-type", "application/json",
                "x-shopify-topic", "orders/create",
                "x-shopify-webhook-id", UUID.randomUUID().toString(),
                "x-shopify-shop-domain", "loja-exemplo.myshopify.com",
                "x-shopify-hmac-sha256", signature)));

        assertThat(answer.path("statusCode").asInt()).as(function.log()).isEqualTo(200);
        JsonNode answered = JSON.readTree(PackagedFunction.bodyOf(answer));
        assertThat(answered.path("outcome").asText()).isEqualTo("delivered");
        assertThat(answered.path("events").asInt()).isEqualTo(2); // the default, RD's current e-commerce family
        rd.verify(1, postRequestedFor(urlEqualTo(BATCH))
                .withHeader("Authorization", equalTo("Bearer " + WireMockRd.ACCESS_TOKEN))
                .withRequestBody(equalToJson(Fixtures.text("vendors/shopify/orders-create.current.expected.json"))));
    }

    @Test
    void aForgedWebhookIsRefusedInRdsShape() throws Exception {
        String body = Fixtures.text("vendors/shopify/orders-paid.json");

        JsonNode answer = invoke(PackagedFunction.httpEvent("/webhooks/shopify", body, Map.of(
                "content-type", "application/json",
                "x-shopify-topic", "orders/paid",
                "x-shopify-webhook-id", UUID.randomUUID().toString(),
                "x-shopify-hmac-sha256", Signatures.base64(Signatures.Algorithm.SHA256, "guessed",
                        body.getBytes(StandardCharsets.UTF_8)))));

        assertThat(answer.path("statusCode").asInt()).as(function.log()).isEqualTo(401);
        assertThat(JSON.readTree(PackagedFunction.bodyOf(answer)).at("/errors/0/error_type").asText()).isNotBlank();
    }

    /**
     * Lambda freezes a function once it has answered, so a request RD is slow to answer cannot
     * run on after the answer: the function waits for RD instead of abandoning it, and RD gets
     * the event once.
     */
    @Test
    void onLambdaARequestRdIsSlowToAnswerIsWaitedForNotAbandoned() throws Exception {
        rd.stubFor(post(urlPathEqualTo(EVENTS)).withRequestBody(containing("slow-lambda"))
                .willReturn(accepted("slow-1").withFixedDelay(3_500)));
        String sale = Fixtures.rdExample(EventType.SALE).replaceFirst("\"email\":\\s*\"[^\"]+\"",
                "\"email\":\"slow-lambda@example.com\"");

        long started = System.nanoTime();
        JsonNode answer = invoke(PackagedFunction.httpEvent("/events", sale, Map.of(
                "content-type", "application/json",
                "authorization", "Bearer " + WireMockRd.API_TOKEN)));

        assertThat(answer.path("statusCode").asInt()).as(function.log()).isEqualTo(200);
        assertThat(JSON.readTree(PackagedFunction.bodyOf(answer)).path("event_uuid").asText()).isEqualTo("slow-1");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(java.time.Duration.ofMillis(3_400));
        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)).withRequestBody(containing("slow-lambda")));
    }

    @Test
    void anEventPostedToEventsIsSentToRdAndItsUuidReturned() throws Exception {
        String sale = Fixtures.rdExample(EventType.SALE);

        JsonNode answer = invoke(PackagedFunction.httpEvent("/events", sale, Map.of(
                "content-type", "application/json",
                "authorization", "Bearer " + WireMockRd.API_TOKEN)));

        assertThat(answer.path("statusCode").asInt()).as(function.log()).isEqualTo(200);
        assertThat(JSON.readTree(PackagedFunction.bodyOf(answer)).path("event_uuid").asText()).isEqualTo("sale-1");
        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)).withRequestBody(equalToJson(sale)));
    }

    /**
     * On Lambda the log is JSON (CloudWatch Logs Insights reads its fields) and every count is
     * also an embedded metric format line, which CloudWatch makes a metric of with no agent.
     */
    @Test
    void onLambdaTheLogIsJsonAndEachWebhookIsAnEmbeddedMetric() throws Exception {
        Map<String, String> forged = Map.of("Vendor", "shopify", "Outcome", "forged");
        double before = EmfLines.sum(EmfLines.in(function.log()), "Webhooks", forged);

        aForgedWebhookIsRefusedInRdsShape();

        String log = function.log();
        assertThat(EmfLines.sum(EmfLines.in(log), "Webhooks", forged)).as(log).isEqualTo(before + 1);
        assertThat(log).doesNotContain("[po.edge]");
        JsonNode edge = null;
        for (String line : log.split("\n")) {
            if (line.startsWith("{") && line.contains("\"loggerName\":\"ponte.edge\"")) {
                edge = JSON.readTree(line);
            }
        }
        assertThat(edge).as(log).isNotNull();
        assertThat(edge.at("/mdc/route").asText()).isEqualTo("/webhooks/shopify");
        assertThat(edge.at("/mdc/outcome").asText()).isEqualTo("forged");
    }

    private static JsonNode invoke(ObjectNode event) throws Exception {
        return JSON.readTree(function.invoke(JSON.writeValueAsString(event)));
    }


}
