package dev.ponte.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.testing.ElasticMq;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Messages of concurrent requests go out together, every one answered with its own id, and none is lost or doubled. */
class QueueSendsTest {

    private final QueueSends sends = new QueueSends(new AwsClients());

    @AfterEach
    void stop() {
        sends.stop();
    }

    @Test
    void aBurstFromManyRequestsLandsOnceEachWithItsOwnMessageId() throws Exception {
        String queue = ElasticMq.queue("sends-" + System.nanoTime());
        List<CompletableFuture<QueueSends.Sent>> answers = new ArrayList<>();
        List<Thread> requests = new ArrayList<>();
        for (int r = 0; r < 16; r++) {
            int request = r;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 25; i++) {
                    List<CompletableFuture<QueueSends.Sent>> mine = sends.send(queue, List.of("r" + request + "-m" + i));
                    synchronized (answers) {
                        answers.addAll(mine);
                    }
                    mine.get(0).join(); // each request waits for its own answer before its next, as a webhook does
                }
            });
            thread.start();
            requests.add(thread);
        }
        for (Thread thread : requests) {
            thread.join();
        }
        Set<String> ids = new HashSet<>();
        for (CompletableFuture<QueueSends.Sent> answer : answers) {
            QueueSends.Sent sent = answer.get(10, TimeUnit.SECONDS);
            assertThat(sent.failure()).isNull();
            ids.add(sent.messageId());
        }
        assertThat(ids).hasSize(400);
        Set<String> bodies = new HashSet<>();
        try (SqsClient sqs = ElasticMq.client()) {
            while (true) {
                List<Message> got = sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(0))
                        .messages();
                if (got.isEmpty()) {
                    break;
                }
                got.forEach(m -> bodies.add(m.body()));
                got.forEach(m -> sqs.deleteMessage(d -> d.queueUrl(queue).receiptHandle(m.receiptHandle())));
            }
        }
        assertThat(bodies).hasSize(400);
    }

    @Test
    void aQueueThatCannotBeReachedIsEachMessagesAnswerNotAHang() throws Exception {
        ElasticMq.ensureStarted();
        List<CompletableFuture<QueueSends.Sent>> answers = sends.send("http://127.0.0.1:9/000000000000/nowhere",
                List.of("a", "b"));
        for (CompletableFuture<QueueSends.Sent> answer : answers) {
            QueueSends.Sent sent = answer.get(60, TimeUnit.SECONDS);
            assertThat(sent.messageId()).isNull();
            assertThat(sent.failure()).isEqualTo("the queue could not be reached");
        }
    }

    /** Warmed up at start, the senders put nothing of their own on the queue, and what is sent lands once. */
    @Test
    void warmingUpPutsNothingOnTheQueue() throws Exception {
        String queue = ElasticMq.queue("warm-" + System.nanoTime());
        sends.warmUp(queue);
        QueueSends.Sent sent = sends.send(queue, List.of("the order")).get(0).get(10, TimeUnit.SECONDS);
        assertThat(sent.failure()).isNull();
        try (SqsClient sqs = ElasticMq.client()) {
            List<Message> got = sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages();
            assertThat(got).extracting(Message::body).containsExactly("the order");
        }
    }

    /** A warm-up that got no answer (the queue unreachable at start) leaves the senders sending. */
    @Test
    void aWarmUpWithNoAnswerLeavesTheSendersRunning() throws Exception {
        String queue = ElasticMq.queue("after-failed-warm-" + System.nanoTime());
        sends.warmUp("http://127.0.0.1:9/000000000000/nowhere");
        QueueSends.Sent sent = sends.send(queue, List.of("the order")).get(0).get(60, TimeUnit.SECONDS);
        assertThat(sent.failure()).isNull();
        assertThat(sent.messageId()).isNotBlank();
    }
}
