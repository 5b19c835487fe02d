package dev.ponte.deploy;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.ponte.testing.RdStubs.BATCH;
import static dev.ponte.testing.RdStubs.EVENTS;
import static dev.ponte.testing.RdStubs.batchAccepted;
import static dev.ponte.testing.RdStubs.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ponte.delivery.DeadLetter;
import dev.ponte.delivery.DeadLetters;
import dev.ponte.delivery.Delivery;
import dev.ponte.delivery.StoredDelivery;
import dev.ponte.delivery.state.DynamoDbStateStore;
import dev.ponte.delivery.state.Retention;
import dev.ponte.delivery.state.StateStore;
import dev.ponte.rd.events.RdEvent;
import dev.ponte.rd.events.RdJson;
import dev.ponte.testing.Dynalite;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.WireMockRd;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker and redelivery functions as deployed: the packaged artifact under AWS's runtime
 * client with the template's handlers, sharing a DynamoDB-compatible table as on Lambda, fed
 * SQS events and the schedule's event. Ordered: a letter the worker parks is what the
 * redelivery function brings back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedWorkerIT {

    private static final String WORKER = "dev.ponte.delivery.QueueWorkerHandler::handleRequest";
    private static final String REDELIVERY = "dev.ponte.delivery.RedeliveryHandler::handleRequest";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    static Path work;

    static WireMockServer rd;
    static PackagedFunction worker;
    static DeadLetters letters;
    static StateStore state;

    @BeforeAll
    static void startTheWorker() throws Exception {
        rd = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        rd.start();
        worker = PackagedFunction.start("ponte-worker", WORKER, settings("queue"), work);
        state = new DynamoDbStateStore(Dynalite.client(), Dynalite.TABLE, Clock.systemUTC(),
                new Retention(Duration.ofHours(72), Duration.ofMinutes(2), Duration.ofDays(6)));
        letters = new DeadLetters(state);
    }

    static Map<String, String> settings(String mode) {
        Map<String, String> settings = new HashMap<>(Dynalite.environment());
        settings.putAll(Map.of(
                "PONTE_DELIVERY_MODE", mode,
                "PONTE_QUEUE_URL", "http://127.0.0.1:9/000000000000/ponte-deliveries",
                "PONTE_QUEUE_POLL", "false",
                "PONTE_REDELIVERY_POLL", "false",
                "PONTE_REDELIVERY_SCHEDULE", "1s",
                "PONTE_QUEUE_WORKER_BUDGET", "2s",
                "PONTE_RD_URL", rd.baseUrl(),
                "PONTE_RD_CLIENT_ID", "client",
                "PONTE_RD_CLIENT_SECRET", "secret",
                "PONTE_RD_REFRESH_TOKEN", "refresh"));
        return settings;
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

        JsonNode answer = invokeWith(worker, record("m-1", queued("shopify-1-" + RUN, "vendors/shopify/orders-create.legacy.expected.json")));

        assertThat(answer.path("batchItemFailures")).as(worker.log()).isEmpty();
        rd.verify(1, postRequestedFor(urlEqualTo(BATCH))
                .withRequestBody(equalToJson(Fixtures.text("vendors/shopify/orders-create.legacy.expected.json"))));
        assertThat(state.completed("shopify:shopify-1-" + RUN)).isTrue();
    }

    @Test
    @Order(2)
    void aDeliveryRdRefusesIsHeldNotRetried() throws Exception {
        freshRd();
        String refusal = "{\"errors\":[{\"error_type\":\"INVALID_FIELD\",\"error_message\":\"email is invalid\","
                + "\"path\":\"payload.email\"}]}";
        rd.stubFor(post(urlEqualTo(BATCH)).willReturn(json(400, refusal)));
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(json(400, refusal)));

        JsonNode answer = invokeWith(worker, record("m-2", queued("shopify-2-" + RUN, "vendors/shopify/orders-paid.legacy.expected.json")));

        assertThat(answer.path("batchItemFailures")).as(worker.log()).isEmpty();
        DeadLetter letter = letterOf("shopify-2-" + RUN);
        assertThat(letter.reason()).contains("email is invalid");
        assertThat(letter.status()).isEqualTo("held");
    }

    @Test
    @Order(3)
    void aDeliveryRdCannotTakeNowIsParkedForRedeliveryNotLeftToTheQueue() throws Exception {
        freshRd();
        rd.stubFor(post(urlEqualTo(BATCH)).willReturn(json(503, "")));
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(json(503, "")));

        JsonNode answer = invokeWith(worker, record("m-3", queued("shopify-3-" + RUN, "vendors/shopify/orders-paid.legacy.expected.json")));

        assertThat(answer.path("batchItemFailures")).as(worker.log()).isEmpty();
        assertThat(letterOf("shopify-3-" + RUN).status()).isEqualTo("waiting");
    }

    @Test
    @Order(4)
    void theScheduledRedeliveryFunctionBringsTheLetterToRd() throws Exception {
        freshRd();
        rd.stubFor(post(urlEqualTo(BATCH)).willReturn(batchAccepted(2)));
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(json(200, "{\"event_uuid\":\"paid\"}")));
        Thread.sleep(1_200); // the letter's next attempt, one second after it was parked

        try (PackagedFunction redelivery = PackagedFunction.start("ponte-redelivery", REDELIVERY, settings("direct"), work)) {
            JsonNode answer = invoke(redelivery, JSON.createObjectNode().put("source", "aws.scheduler")
                    .put("detail-type", "Scheduled Event"));
            assertThat(answer.path("delivered").asInt()).as(redelivery.log()).isGreaterThanOrEqualTo(1);
        }
        // The order's one event, alone, to the single-event endpoint.
        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS))
                .withRequestBody(equalToJson(Fixtures.json("vendors/shopify/orders-paid.legacy.expected.json").get(0).toString())));
        assertThat(letters.list(1_000)).noneMatch(l -> l.delivery().deliveryId().equals("shopify-3-" + RUN));
        assertThat(state.completed("shopify:shopify-3-" + RUN)).isTrue();
    }

    @Test
    @Order(5)
    void twoRedeliveryFunctionsSweepingTheSameTableSendEachLetterOnce() throws Exception {
        freshRd();
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(json(503, "")));
        rd.stubFor(post(urlEqualTo(BATCH)).willReturn(json(503, "")));
        ObjectNode[] records = new ObjectNode[12];
        for (int i = 0; i < records.length; i++) {
            records[i] = record("two-" + i, queued("two-" + i + "-" + RUN, "vendors/shopify/orders-paid.legacy.expected.json",
                    "comprador" + i + "@example.com.br"));
        }
        invokeWith(worker, records);
        assertThat(letters.list(1_000)).filteredOn(l -> l.delivery().deliveryId().startsWith("two-")).hasSize(12);

        freshRd();
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(json(200, "{\"event_uuid\":\"one\"}")));
        rd.stubFor(post(urlEqualTo(BATCH)).willReturn(json(200, "{\"event_batch_uuid\":\"b\",\"events\":[]}")));
        Thread.sleep(1_200);
        try (PackagedFunction first = PackagedFunction.start("ponte-redelivery-a", REDELIVERY, settings("direct"), work);
                PackagedFunction second = PackagedFunction.start("ponte-redelivery-b", REDELIVERY, settings("direct"), work)) {
            ObjectNode tick = JSON.createObjectNode().put("source", "aws.scheduler");
            java.util.concurrent.CompletableFuture<JsonNode> a = java.util.concurrent.CompletableFuture.supplyAsync(() -> call(first, tick));
            java.util.concurrent.CompletableFuture<JsonNode> b = java.util.concurrent.CompletableFuture.supplyAsync(() -> call(second, tick));
            int delivered = a.get().path("delivered").asInt() + b.get().path("delivered").asInt();
            assertThat(delivered).as(first.log() + second.log()).isEqualTo(12);
        }
        java.util.Map<String, Integer> copies = new java.util.HashMap<>();
        for (JsonNode event : dev.ponte.testing.RdStubs.acceptedEvents(rd)) {
            copies.merge(event.path("payload").path("email").asText(), 1, Integer::sum);
        }
        assertThat(copies).hasSize(12).allSatisfy((email, count) -> assertThat(count).as(email).isEqualTo(1));
        assertThat(letters.list(1_000)).noneMatch(l -> l.delivery().deliveryId().startsWith("two-"));
    }

    private static JsonNode call(PackagedFunction function, ObjectNode event) {
        try {
            return invoke(function, event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static DeadLetter letterOf(String deliveryId) {
        return letters.list(1_000).stream().filter(l -> l.delivery().deliveryId().equals(deliveryId)).findFirst()
                .orElseThrow(() -> new AssertionError("no dead letter for " + deliveryId + "\n" + worker.log()));
    }

    private static void freshRd() {
        rd.resetAll();
        WireMockRd.stubToken(rd, WireMockRd.ACCESS_TOKEN, 86_400);
    }

    private static JsonNode invoke(PackagedFunction function, ObjectNode event) throws Exception {
        return JSON.readTree(function.invoke(JSON.writeValueAsString(event)));
    }

    private static JsonNode invokeWith(PackagedFunction function, ObjectNode... records) throws Exception {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode list = event.putArray("Records");
        for (ObjectNode record : records) {
            list.add(record);
        }
        return invoke(function, event);
    }

    /** A delivery as ingress queues it: the events a fixture maps to. */
    private static String queued(String deliveryId, String expectedEvents) {
        return queued(deliveryId, expectedEvents, null);
    }

    /** The same, for another buyer when {@code email} is given. */
    private static String queued(String deliveryId, String expectedEvents, String email) {
        String json = Fixtures.text(expectedEvents);
        if (email != null) {
            json = json.replaceAll("\"email\":\\s*\"[^\"]+\"", "\"email\":\"" + email + "\"");
        }
        List<RdEvent> events = StreamSupport.stream(Fixtures.parse(json).spliterator(), false)
                .map(RdJson::event).toList();
        return RdJson.string(StoredDelivery.of(Delivery.builder().source("shopify").deliveryId(deliveryId).events(events)
                .build()));
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
}
