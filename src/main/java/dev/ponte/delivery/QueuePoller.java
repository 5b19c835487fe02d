package dev.ponte.delivery;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The worker's loop where no SQS trigger feeds it (the plain HTTP server): long-polls the
 * queue, hands each batch to the {@link QueueWorker}, and deletes what was delivered or parked.
 * What stays comes back after the queue's visibility timeout; after the configured receives,
 * SQS moves it to the dead-letter queue.
 */
@Singleton
public class QueuePoller {

    @Inject
    DeliveryConfig delivery;

    @Inject
    QueueConfig config;

    @Inject
    QueueWorker worker;

    @Inject
    AwsClients aws;

    private volatile boolean running;
    private Thread thread;

    void start(@Observes StartupEvent start) {
        if (delivery.mode() != DeliveryConfig.Mode.queue || !config.poll()) {
            return;
        }
        String url = config.url().filter(u -> !u.isBlank()).orElseThrow(() ->
                new IllegalStateException("PONTE_DELIVERY_MODE=queue needs PONTE_QUEUE_URL"));
        // The worker settles what it took (delivered, or parked for redelivery); what it leaves
        // comes back after the visibility timeout.
        running = true;
        thread = new Thread(() -> loop(url), "ponte-queue-poller");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(5_000);
        }
    }

    private void loop(String url) {
        SqsClient sqs = aws.sqs();
        while (running) {
            try {
                List<Message> received = gather(sqs, url);
                if (received.isEmpty()) {
                    continue;
                }
                Set<String> retry = new HashSet<>(worker.process(received.stream()
                        .map(m -> new QueueWorker.Message(m.messageId(), m.body(), sentAt(m))).toList()));
                List<DeleteMessageBatchRequestEntry> done = received.stream()
                        .filter(m -> !retry.contains(m.messageId()))
                        .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId())
                                .receiptHandle(m.receiptHandle()).build())
                        .toList();
                if (!done.isEmpty()) {
                    sqs.deleteMessageBatch(d -> d.queueUrl(url).entries(done));
                }
            } catch (RuntimeException e) {
                if (running) {
                    Log.errorf(e, "queue poll failed; trying again in a second");
                    pause();
                }
            }
        }
    }

    /**
     * Waits for the first messages, then keeps gathering for up to the batch window (or until the
     * batch is full): RD counts requests, not events, so fuller batches mean fewer of them.
     */
    private List<Message> gather(SqsClient sqs, String url) {
        List<Message> gathered = new ArrayList<>(sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                .messageSystemAttributeNames(MessageSystemAttributeName.SENT_TIMESTAMP).waitTimeSeconds(20)).messages());
        long windowEnds = System.nanoTime() + config.batchWindow().toNanos();
        while (!gathered.isEmpty() && gathered.size() < config.batchSize()) {
            long left = windowEnds - System.nanoTime();
            if (left <= 0) {
                break;
            }
            int room = Math.min(10, config.batchSize() - gathered.size());
            // SQS long polls in whole seconds and returns as soon as messages come.
            int seconds = (int) Math.min(20, (left + 999_999_999L) / 1_000_000_000L);
            gathered.addAll(sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(room)
                    .messageSystemAttributeNames(MessageSystemAttributeName.SENT_TIMESTAMP).waitTimeSeconds(seconds))
                    .messages());
        }
        return gathered;
    }

    private static Instant sentAt(Message message) {
        return QueueWorker.Message.sentAt(message.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP));
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
