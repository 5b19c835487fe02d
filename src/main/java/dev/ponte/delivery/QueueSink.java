package dev.ponte.delivery;

import dev.ponte.rd.events.RdJson;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code PONTE_DELIVERY_MODE=queue}: puts deliveries on the SQS queue ({@code PONTE_QUEUE_URL})
 * through {@link QueueSends}, which gathers concurrent requests' messages into shared calls, and
 * answers as soon as SQS has them; the {@link QueueWorker} sends them in paced batches. A queued
 * key answers copies as duplicates until the worker settles it.
 */
@ApplicationScoped
@Identifier("queue")
public class QueueSink implements DeliverySink {

    /** The longest a request waits for SQS; its own client gives up long before. */
    private static final long WAIT_SECONDS = 60;

    private final QueueSends sends;
    private final QueueConfig queue;
    private final Claims claims;

    @Inject
    public QueueSink(QueueSends sends, QueueConfig queue, Claims claims) {
        this.sends = sends;
        this.queue = queue;
        this.claims = claims;
    }

    @Override
    public CompletionStage<List<Receipt>> deliver(List<Delivery> claimed, Urgency urgency) {
        String url = queue.url().filter(u -> !u.isBlank()).orElseThrow();
        List<CompletableFuture<QueueSends.Sent>> answers = sends.send(url,
                claimed.stream().map(d -> RdJson.string(StoredDelivery.of(d))).toList());
        List<Receipt> receipts = new ArrayList<>(claimed.size());
        for (int i = 0; i < claimed.size(); i++) {
            Delivery delivery = claimed.get(i);
            QueueSends.Sent sent = answer(answers.get(i));
            if (sent.messageId() == null) {
                receipts.add(failed(delivery, sent.failure()));
                continue;
            }
            claims.queued(delivery, RdJson.mapper().createObjectNode().put("outcome", "queued")
                    .put("message_id", sent.messageId()).toString());
            receipts.add(new Receipt.Queued(delivery, sent.messageId()));
        }
        return CompletableFuture.completedFuture(receipts);
    }

    private static QueueSends.Sent answer(CompletableFuture<QueueSends.Sent> answer) {
        try {
            return answer.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new QueueSends.Sent(null, "interrupted while the queue was answering");
        } catch (ExecutionException | TimeoutException e) {
            return new QueueSends.Sent(null, "the queue did not answer");
        }
    }

    private Receipt failed(Delivery delivery, String why) {
        claims.release(delivery);
        return new Receipt.Failed(delivery, "Could not enqueue: " + why);
    }
}
