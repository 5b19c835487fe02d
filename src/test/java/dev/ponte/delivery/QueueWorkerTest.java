package dev.ponte.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ponte.testing.RdStubs.BATCH;
import static dev.ponte.testing.RdStubs.EVENTS;
import static dev.ponte.testing.RdStubs.json;
import static dev.ponte.testing.Scrapes.sample;
import static dev.ponte.testing.Scrapes.scrape;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ponte.rd.events.ChatFinishedPayloadBuilder;
import dev.ponte.rd.events.RdEvent;
import dev.ponte.rd.events.RdJson;
import dev.ponte.testing.FreshState;
import dev.ponte.testing.InjectRd;
import dev.ponte.testing.RdStubs;
import dev.ponte.testing.WireMockRd;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The worker's rules when RD does not take everything, fed messages directly as the SQS trigger would. */
@QuarkusTest
@TestProfile(QueueWorkerTest.ShortBudget.class)
@WithTestResource(WireMockRd.class)
class QueueWorkerTest {

    public static class ShortBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Room for a few retries per RD call, and for the calls after a failed one.
            return Map.of("ponte.queue.worker-budget", "2s", "ponte.rd.rate-limit-per-minute", "6000",
                    "ponte.delivery.mode", "queue", "ponte.queue.poll", "false",
                    "ponte.queue.url", "http://127.0.0.1:9/queue/fed-directly");
        }
    }

    @InjectRd
    WireMockServer rd;

    @Inject
    FreshState fresh;

    @Inject
    QueueWorker worker;

    @Inject
    DeadLetters deadLetters;

    @Inject
    Clock clock;

    @BeforeEach
    void freshRd() {
        fresh.reset(rd);
    }

    /** A chat of ~120 kB: two never fit one batch body, so each message is its own RD call. */
    static QueueWorker.Message bigChat(String id, String email) {
        RdEvent chat = RdEvent.of(ChatFinishedPayloadBuilder.builder()
                .chatSubject("Pedido " + id)
                .cfChatStatus("finished")
                .cfChatTranscriptMessage("Ola! ".repeat(24_000))
                .email(email)
                .build());
        return message(id, Delivery.builder().source("jivochat").deliveryId(id).events(List.of(chat)).build());
    }

    static QueueWorker.Message message(String id, Delivery delivery) {
        return new QueueWorker.Message(id, RdJson.string(StoredDelivery.of(delivery)));
    }

    static String accepted(int n) {
        return "{\"event_batch_uuid\":\"b\",\"events\":[" + "{\"event_uuid\":\"u\"},".repeat(n - 1) + "{\"event_uuid\":\"u\"}]}";
    }

    @Test
    void aContactsLaterMessagesFollowItsFailedOneIntoTheDeadLetters() {
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(json(200, "{\"event_uuid\":\"u\"}")));
        rd.stubFor(post(urlPathEqualTo(EVENTS)).withRequestBody(containing("Pedido m-1")).willReturn(json(503, "")));

        List<String> retry = worker.process(List.of(bigChat("m-1", "ana@example.com"),
                bigChat("m-2", "bruno@example.com"), bigChat("m-3", "ana@example.com")));

        assertThat(retry).isEmpty();
        // Each ~120 kB chat is a call of its own, to the single-event endpoint.
        List<String> bodies = rd.findAll(postRequestedFor(urlPathEqualTo(EVENTS))).stream()
                .map(r -> r.getBodyAsString().substring(0, 200)).toList();
        assertThat(bodies).noneMatch(body -> body.contains("Pedido m-3"));
        assertThat(bodies).anyMatch(body -> body.contains("Pedido m-2"));
        assertThat(bodies.get(0)).contains("Pedido m-1");
        assertThat(deadLetters.list(10)).extracting(letter -> letter.delivery().deliveryId())
                .containsExactlyInAnyOrder("m-1", "m-3");
        assertThat(deadLetters.list(10)).allSatisfy(letter -> assertThat(letter.status()).isEqualTo("waiting"));
    }

    @Test
    void aMessageRdRefusesIsFoundAndParkedWhileTheOthersAreDelivered() {
        String refusal = "{\"errors\":[{\"error_type\":\"INVALID_FORMAT\",\"error_message\":\"Invalid email.\"}]}";
        rd.stubFor(post(urlEqualTo(BATCH)).willReturn(json(400, refusal)));
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(json(200, "{\"event_uuid\":\"u\"}")));
        rd.stubFor(post(urlPathEqualTo(EVENTS)).withRequestBody(containing("bruno@")).willReturn(json(400, refusal)));
        QueueWorker.Message first = smallSale("s-1", "ana@example.com");
        QueueWorker.Message second = smallSale("s-2", "bruno@example.com");
        QueueWorker.Message third = smallSale("s-3", "carla@example.com");

        List<String> retry = worker.process(List.of(first, second, third));

        assertThat(retry).isEmpty();
        rd.verify(1, postRequestedFor(urlEqualTo(BATCH))); // the batch of three
        rd.verify(3, postRequestedFor(urlPathEqualTo(EVENTS))); // then each alone
        assertThat(deadLetters.list(10)).singleElement().satisfies(letter -> {
            assertThat(letter.delivery().deliveryId()).isEqualTo("s-2");
            assertThat(letter.reason()).isEqualTo("RD refused the events (HTTP 400): INVALID_FORMAT Invalid email.");
        });
    }

    @Test
    void aMessageHandedOutTwiceIsSentOnce() {
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(json(200, "{\"event_uuid\":\"u\"}")));
        QueueWorker.Message sale = smallSale("twice-" + System.nanoTime(), "ana@example.com");
        QueueWorker.Message copy = new QueueWorker.Message("copy", sale.body());

        assertThat(worker.process(List.of(sale, copy))).containsExactly("copy"); // taken by the first, in progress
        assertThat(worker.process(List.of(copy))).isEmpty(); // done: nothing left to do
        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)));
    }

    @Test
    void unreadableMessagesStayForTheQueuesOwnDeadLetterQueue() {
        rd.stubFor(post(urlEqualTo(BATCH)).willReturn(json(200, accepted(1))));
        assertThat(worker.process(List.of(new QueueWorker.Message("junk", "not json"), smallSale("ok", "ana@example.com"))))
                .containsExactly("junk");
    }

    @Test
    void theLambdaHandlerReportsOnlyWhatMustComeBackAndParksWhatRdCouldNotTake() {
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(json(503, "")));
        SQSEvent event = new SQSEvent();
        SQSEvent.SQSMessage junk = new SQSEvent.SQSMessage();
        junk.setMessageId("junk");
        junk.setBody("not json");
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("m-9");
        message.setBody(smallSale("m-9", "ana@example.com").body());
        event.setRecords(List.of(junk, message));

        SQSBatchResponse response = QueueWorkerHandler.respond(worker, event);

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("junk");
        assertThat(deadLetters.list(10)).singleElement()
                .satisfies(letter -> assertThat(letter.delivery().deliveryId()).isEqualTo("m-9"));
    }

    static QueueWorker.Message smallSale(String id, String email) {
        RdEvent sale = RdJson.event(dev.ponte.testing.Fixtures.parse(
                "{\"event_type\":\"SALE\",\"event_family\":\"CDP\",\"payload\":{\"email\":\"" + email
                        + "\",\"funnel_name\":\"default\",\"value\":10.0}}"));
        return message(id, Delivery.builder().source("woocommerce").deliveryId(id).events(List.of(sale)).build());
    }

    @Test
    void eachMessagesWaitOnTheQueueIsMeasuredBySqssClock() {
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(json(200, "{\"event_uuid\":\"u\"}")));
        String before = scrape();
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("lagging");
        message.setBody(smallSale("lag-" + System.nanoTime(), "ana@example.com").body());
        message.setAttributes(Map.of("SentTimestamp", String.valueOf(clock.instant().minusSeconds(7).toEpochMilli())));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));

        assertThat(QueueWorkerHandler.respond(worker, event).getBatchItemFailures()).isEmpty();

        String after = scrape();
        assertThat(sample(after, "ponte_queue_lag_seconds_count", "") - sample(before, "ponte_queue_lag_seconds_count", ""))
                .isEqualTo(1);
        assertThat(sample(after, "ponte_queue_lag_seconds_max", "")).isBetween(7.0, 60.0);
    }
}
