package dev.ponte.deploy;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.ponte.testing.RdStubs.BATCH;
import static dev.ponte.testing.RdStubs.batchAccepted;
import static dev.ponte.testing.RdStubs.EVENTS;
import static dev.ponte.testing.RdStubs.accepted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ponte.mapping.Signatures;
import dev.ponte.rd.events.EventType;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.WireMockRd;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
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
        rd.stubFor(post(urlEqualTo(EVENTS)).willReturn(accepted("sale-1")));
        function = PackagedFunction.start("ponte-ingress", HANDLER, Map.of(
                "PONTE_RD_URL", rd.baseUrl(),
                "PONTE_RD_CLIENT_ID", "client",
                "PONTE_RD_CLIENT_SECRET", "secret",
                "PONTE_RD_REFRESH_TOKEN", "refresh",
                "PONTE_API_TOKEN", WireMockRd.API_TOKEN,
                "PONTE_VENDORS_SHOPIFY_SECRET", WireMockRd.SHOPIFY_SECRET,
                "PONTE_DEAD_LETTERS_DIR", work.resolve("dead-letters").toString()), work);
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
    void aSignedShopifyOrderThroughApiGatewayBecomesItsRdEvents() throws Exception {
        String body = Fixtures.text("vendors/shopify/orders-create.json");
        String signature = Signatures.base64(Signatures.Algorithm.SHA256, WireMockRd.SHOPIFY_SECRET,
                body.getBytes(StandardCharsets.UTF_8));

        JsonNode answer = invoke(httpEvent("/webhooks/shopify", body, Map.of(
                "content-type", "application/json",
                "x-shopify-topic", "orders/create",
                "x-shopify-webhook-id", UUID.randomUUID().toString(),
                "x-shopify-shop-domain", "loja-exemplo.myshopify.com",
                "x-shopify-hmac-sha256", signature)));

        assertThat(answer.path("statusCode").asInt()).as(function.log()).isEqualTo(200);
        JsonNode answered = JSON.readTree(bodyOf(answer));
        assertThat(answered.path("outcome").asText()).isEqualTo("delivered");
        assertThat(answered.path("events").asInt()).isEqualTo(4);
        rd.verify(1, postRequestedFor(urlEqualTo(BATCH))
                .withHeader("Authorization", equalTo("Bearer " + WireMockRd.ACCESS_TOKEN))
                .withRequestBody(equalToJson(Fixtures.text("vendors/shopify/orders-create.expected.json"))));
    }

    @Test
    void aForgedWebhookIsRefusedInRdsShape() throws Exception {
        String body = Fixtures.text("vendors/shopify/orders-paid.json");

        JsonNode answer = invoke(httpEvent("/webhooks/shopify", body, Map.of(
                "content-type", "application/json",
                "x-shopify-topic", "orders/paid",
                "x-shopify-webhook-id", UUID.randomUUID().toString(),
                "x-shopify-hmac-sha256", Signatures.base64(Signatures.Algorithm.SHA256, "guessed",
                        body.getBytes(StandardCharsets.UTF_8)))));

        assertThat(answer.path("statusCode").asInt()).as(function.log()).isEqualTo(401);
        assertThat(JSON.readTree(bodyOf(answer)).at("/errors/0/error_type").asText()).isNotBlank();
    }

    @Test
    void anEventPostedToEventsIsSentToRdAndItsUuidReturned() throws Exception {
        String sale = Fixtures.rdExample(EventType.SALE);

        JsonNode answer = invoke(httpEvent("/events", sale, Map.of(
                "content-type", "application/json",
                "authorization", "Bearer " + WireMockRd.API_TOKEN)));

        assertThat(answer.path("statusCode").asInt()).as(function.log()).isEqualTo(200);
        assertThat(JSON.readTree(bodyOf(answer)).path("event_uuid").asText()).isEqualTo("sale-1");
        rd.verify(1, postRequestedFor(urlEqualTo(EVENTS)).withRequestBody(equalToJson(sale)));
    }

    private static JsonNode invoke(ObjectNode event) throws Exception {
        return JSON.readTree(function.invoke(JSON.writeValueAsString(event)));
    }

    /** An API Gateway HTTP API (payload format 2.0) request, as the $default route passes it on. */
    private static ObjectNode httpEvent(String path, String body, Map<String, String> headers) {
        ObjectNode event = JSON.createObjectNode()
                .put("version", "2.0")
                .put("routeKey", "$default")
                .put("rawPath", path)
                .put("rawQueryString", "");
        ObjectNode eventHeaders = event.putObject("headers");
        headers.forEach(eventHeaders::put);
        eventHeaders.put("host", "abc123.execute-api.us-east-1.amazonaws.com");
        ObjectNode context = event.putObject("requestContext")
                .put("accountId", "123456789012")
                .put("apiId", "abc123")
                .put("domainName", "abc123.execute-api.us-east-1.amazonaws.com")
                .put("domainPrefix", "abc123")
                .put("requestId", UUID.randomUUID().toString())
                .put("routeKey", "$default")
                .put("stage", "$default")
                .put("time", "29/Nov/2026:23:30:00 +0000")
                .put("timeEpoch", 1_796_081_400_000L);
        context.putObject("http")
                .put("method", "POST")
                .put("path", path)
                .put("protocol", "HTTP/1.1")
                .put("sourceIp", "203.0.113.7")
                .put("userAgent", "Shopify-Captain-Hook");
        event.put("body", Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
        event.put("isBase64Encoded", true);
        return event;
    }

    private static String bodyOf(JsonNode answer) {
        String body = answer.path("body").asText();
        return answer.path("isBase64Encoded").asBoolean()
                ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8) : body;
    }

}
