package dev.ponte.deploy;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.ponte.testing.RdStubs.BATCH;
import static dev.ponte.testing.RdStubs.batchAccepted;
import static dev.ponte.testing.RdStubs.EVENTS;
import static dev.ponte.testing.RdStubs.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ponte.delivery.Delivery;
import dev.ponte.delivery.QueuedDelivery;
import dev.ponte.rd.events.RdEvent;
import dev.ponte.rd.events.RdJson;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.WireMockRd;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker function as deployed: the packaged artifact under AWS's runtime client with the
 * template's worker handler, fed SQS events, answering with its batch item failures. Ordered,
 * because the last case leaves RD's circuit open.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedWorkerIT {

    private static final String HANDLER = "dev.ponte.delivery.QueueWorkerHandler::handleRequest";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    static WireMockServer rd;
    static PackagedFunction worker;

    @BeforeAll
    static void startTheWorker() throws Exception {
        rd = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        rd.start();
        worker = PackagedFunction.start("ponte-worker", HANDLER, Map.of(
                "PONTE_DELIVERY_MODE", "queue",
                "PONTE_QUEUE_URL", "http://127.0.0.1:9/000000000000/ponte-deliveries",
                "PONTE_QUEUE_POLL", "false",
                "PONTE_QUEUE_WORKER_BUDGET", "2s",
                "PONTE_RD_URL", rd.baseUrl(),
                "PONTE_RD_CLIENT_ID", "client",
                "PONTE_RD_CLIENT_SECRET", "secret",
                "PONTE_RD_REFRESH_TOKEN", "refresh",
                "PONTE_DEAD_LETTERS_DIR", work.resolve("dead-letters").toString()), work);
    }

    @AfterAll
    static void stop() throws Exception {
        if (worker != null) {
            worker.close();
        }
        if (rd != null) {
            rd.stop();
        }
    }

    @Test
    @Order(1)
    void aQueuedOrderReachesRdInOneBatchAndNothingComesBack() throws Exception {
        freshRd();
        rd.stubFor(post(urlEqualTo(BATCH)).willReturn(batchAccepted(4)));

        JsonNode answer = invoke(record("m-1", queued("shopify-1", "vendors/shopify/orders-create.expected.json")));

        assertThat(answer.path("batchItemFailures")).as(worker.log()).isEmpty();
        rd.verify(1, postRequestedFor(urlEqualTo(BATCH))
                .withRequestBody(equalToJson(Fixtures.text("vendors/shopify/orders-create.expected.json"))));
    }

    @Test
    @Order(2)
    void aDeliveryRdRefusesIsParkedNotRetried() throws Exception {
        freshRd();
        String refusal = "{\"errors\":[{\"error_type\":\"INVALID_FIELD\",\"error_message\":\"email is invalid\","
                + "\"path\":\"payload.email\"}]}";
        rd.stubFor(post(urlEqualTo(BATCH)).willReturn(json(400, refusal)));
        rd.stubFor(post(urlEqualTo(EVENTS)).willReturn(json(400, refusal)));

        JsonNode answer = invoke(record("m-2", queued("shopify-2", "vendors/shopify/orders-paid.expected.json")));

        assertThat(answer.path("batchItemFailures")).as(worker.log()).isEmpty();
        try (Stream<Path> parked = Files.list(work.resolve("dead-letters"))) {
            List<String> letters = parked.map(PackagedWorkerIT::read).toList();
            assertThat(letters).hasSize(1);
            assertThat(letters.get(0)).contains("shopify-2").contains("email is invalid");
        }
    }

    @Test
    @Order(3)
    void aDeliveryRdCannotTakeNowGoesBackToTheQueue() throws Exception {
        freshRd();
        rd.stubFor(post(urlEqualTo(BATCH)).willReturn(json(503, "")));
        rd.stubFor(post(urlEqualTo(EVENTS)).willReturn(json(503, "")));

        JsonNode answer = invoke(record("m-3", queued("shopify-3", "vendors/shopify/orders-paid.expected.json")));

        assertThat(StreamSupport.stream(answer.path("batchItemFailures").spliterator(), false)
                .map(failure -> failure.path("itemIdentifier").asText()))
                .as(worker.log()).containsExactly("m-3");
    }

    private static void freshRd() {
        rd.resetAll();
        WireMockRd.stubToken(rd, WireMockRd.ACCESS_TOKEN, 86_400);
    }

    private static JsonNode invoke(ObjectNode... records) throws Exception {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode list = event.putArray("Records");
        for (ObjectNode record : records) {
            list.add(record);
        }
        return JSON.readTree(worker.invoke(JSON.writeValueAsString(event)));
    }

    /** A delivery as ingress queues it: the events a fixture maps to. */
    private static String queued(String deliveryId, String expectedEvents) {
        List<RdEvent> events = StreamSupport.stream(Fixtures.json(expectedEvents).spliterator(), false)
                .map(RdJson::event).toList();
        return RdJson.string(QueuedDelivery.of(new Delivery("shopify", deliveryId, events, null), "2026-11-29T23:30:00Z"));
    }

    /** One SQS record as Lambda's event source mapping passes it. */
    private static ObjectNode record(String messageId, String body) {
        ObjectNode record = JSON.createObjectNode()
                .put("messageId", messageId)
                .put("receiptHandle", "AQEB" + messageId)
                .put("body", body)
                .put("md5OfBody", "")
                .put("eventSource", "aws:sqs")
                .put("eventSourceARN", "arn:aws:sqs:us-east-1:123456789012:ponte-deliveries")
                .put("awsRegion", "us-east-1");
        record.putObject("attributes")
                .put("ApproximateReceiveCount", "1")
                .put("SentTimestamp", "1796081400000")
                .put("SenderId", "AROAEXAMPLE")
                .put("ApproximateFirstReceiveTimestamp", "1796081400001");
        record.putObject("messageAttributes");
        return record;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
