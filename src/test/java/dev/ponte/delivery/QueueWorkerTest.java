package dev.ponte.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.ponte.testing.RdStubs.BATCH;
import static dev.ponte.testing.RdStubs.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ponte.rd.events.ChatFinishedPayload;
import dev.ponte.rd.events.RdEvent;
import dev.ponte.rd.events.RdJson;
import dev.ponte.testing.InjectRd;
import dev.ponte.testing.RdStubs;
import dev.ponte.testing.WireMockRd;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
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
            // One attempt per RD call: what is not taken goes back to the queue at once.
            return Map.of("ponte.queue.worker-budget", "300ms", "ponte.rd.rate-limit-per-minute", "6000",
                    "ponte.delivery.mode", "queue", "ponte.queue.poll", "false");
        }
    }

    @InjectRd
    WireMockServer rd;

    @Inject
    QueueWorker worker;

    @Inject
    DeadLetterStore deadLetters;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void freshRd() {
        RdStubs.reset(rd);
        breakers.resetAll();
        deadLetters.list(1_000).forEach(letter -> deadLetters.remove(letter.id()));
    }

    /** A chat of ~120 kB: two never fit one batch body, so each message is its own RD call. */
    static QueueWorker.Message bigChat(String id, String email) {
        RdEvent chat = RdEvent.of(new ChatFinishedPayload("Pedido " + id, "finished", "Ola! ".repeat(24_000), null,
                null, null, null, email, null, null, null, null, null, null, null, null, null, null));
        return new QueueWorker.Message(id, RdJson.string(QueuedDelivery.of(
                new Delivery("jivochat", id, List.of(chat), null), "2026-11-27T12:00:00Z")));
    }

    static String accepted(int n) {
        return "{\"event_batch_uuid\":\"b\",\"events\":[" + "{\"event_uuid\":\"u\"},".repeat(n - 1) + "{\"event_uuid\":\"u\"}]}";
    }

    @Test
    void aContactsLaterMessagesWaitBehindItsFailedOne() {
        RdStubs.inTurn(rd, BATCH, List.of(json(503, ""), json(200, accepted(1))));

        List<String> retry = worker.process(List.of(bigChat("m-1", "ana@example.com"),
                bigChat("m-2", "bruno@example.com"), bigChat("m-3", "ana@example.com")));

        assertThat(retry).containsExactly("m-1", "m-3");
        List<String> bodies = rd.findAll(postRequestedFor(urlEqualTo(BATCH))).stream()
                .map(r -> r.getBodyAsString().substring(0, 200)).toList();
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(0)).contains("Pedido m-1");
        assertThat(bodies.get(1)).contains("Pedido m-2");
    }

    @Test
    void aMessageRdRefusesIsFoundAndParkedWhileTheOthersAreDelivered() {
        String refusal = "{\"errors\":[{\"error_type\":\"INVALID_FORMAT\",\"error_message\":\"Invalid email.\"}]}";
        RdStubs.inTurn(rd, BATCH, List.of(json(400, refusal), json(200, accepted(1)), json(400, refusal),
                json(200, accepted(1))));
        QueueWorker.Message first = smallSale("s-1", "ana@example.com");
        QueueWorker.Message second = smallSale("s-2", "bruno@example.com");
        QueueWorker.Message third = smallSale("s-3", "carla@example.com");

        List<String> retry = worker.process(List.of(first, second, third));

        assertThat(retry).isEmpty();
        rd.verify(4, postRequestedFor(urlEqualTo(BATCH))); // the batch of three, then each alone
        assertThat(deadLetters.list(10)).singleElement().satisfies(letter -> {
            assertThat(letter.deliveryId()).isEqualTo("s-2");
            assertThat(letter.reason()).isEqualTo("RD refused the events (HTTP 400): INVALID_FORMAT Invalid email.");
        });
    }

    @Test
    void unreadableMessagesStayForTheQueuesOwnDeadLetterQueue() {
        rd.stubFor(post(urlEqualTo(BATCH)).willReturn(json(200, accepted(1))));
        assertThat(worker.process(List.of(new QueueWorker.Message("junk", "not json"), smallSale("ok", "ana@example.com"))))
                .containsExactly("junk");
    }

    @Test
    void theLambdaHandlerReportsOnlyTheFailedMessages() {
        rd.stubFor(post(urlEqualTo(BATCH)).willReturn(json(503, "")));
        SQSEvent event = new SQSEvent();
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("m-9");
        message.setBody(smallSale("m-9", "ana@example.com").body());
        event.setRecords(List.of(message));

        SQSBatchResponse response = QueueWorkerHandler.respond(worker, event);

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m-9");
    }

    static QueueWorker.Message smallSale(String id, String email) {
        RdEvent sale = RdJson.event(dev.ponte.testing.Fixtures.parse(
                "{\"event_type\":\"SALE\",\"event_family\":\"CDP\",\"payload\":{\"email\":\"" + email
                        + "\",\"funnel_name\":\"default\",\"value\":10.0}}"));
        return new QueueWorker.Message(id, RdJson.string(QueuedDelivery.of(
                new Delivery("woocommerce", id, List.of(sale), null), "2026-11-27T12:00:00Z")));
    }
}
