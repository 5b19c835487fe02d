package dev.ponte.delivery;

import dev.ponte.rd.events.RdJson;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * {@code PONTE_DELIVERY_MODE=queue}: puts deliveries on the SQS queue ({@code PONTE_QUEUE_URL}),
 * ten to a call, and answers at once; the {@link QueueWorker} sends them in paced batches. A
 * queued key answers copies as duplicates until the worker settles it.
 */
@ApplicationScoped
@Identifier("queue")
public class QueueSink implements DeliverySink {

    private final AwsClients aws;
    private final QueueConfig queue;
    private final Claims claims;

    @Inject
    public QueueSink(AwsClients aws, QueueConfig queue, Claims claims) {
        this.aws = aws;
        this.queue = queue;
        this.claims = claims;
    }

    @Override
    public List<Receipt> deliver(List<Delivery> claimed, Urgency urgency) {
        List<Receipt> receipts = new ArrayList<>();
        for (int from = 0; from < claimed.size(); from += 10) {
            receipts.addAll(enqueue(claimed.subList(from, Math.min(from + 10, claimed.size()))));
        }
        return receipts;
    }

    private List<Receipt> enqueue(List<Delivery> deliveries) {
        String url = queue.url().filter(u -> !u.isBlank()).orElseThrow();
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < deliveries.size(); i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id(String.valueOf(i))
                    .messageBody(RdJson.string(StoredDelivery.of(deliveries.get(i)))).build());
        }
        SendMessageBatchResponse sent;
        try {
            sent = aws.sqs().sendMessageBatch(b -> b.queueUrl(url).entries(entries));
        } catch (RuntimeException e) {
            Log.errorf(e, "could not enqueue %d deliveries", deliveries.size());
            return deliveries.stream().map(d -> failed(d, "the queue could not be reached")).toList();
        }
        Map<String, String> ids = new java.util.HashMap<>();
        sent.successful().forEach(ok -> ids.put(ok.id(), ok.messageId()));
        Map<String, String> errors = new java.util.HashMap<>();
        sent.failed().forEach(bad -> errors.put(bad.id(), bad.code() + ": " + bad.message()));
        List<Receipt> receipts = new ArrayList<>();
        for (int i = 0; i < deliveries.size(); i++) {
            Delivery delivery = deliveries.get(i);
            String messageId = ids.get(String.valueOf(i));
            if (messageId == null) {
                receipts.add(failed(delivery, errors.getOrDefault(String.valueOf(i), "no answer from SQS")));
                continue;
            }
            claims.queued(delivery, RdJson.mapper().createObjectNode().put("outcome", "queued")
                    .put("message_id", messageId).toString());
            receipts.add(new Receipt.Queued(delivery, messageId));
        }
        return receipts;
    }

    private Receipt failed(Delivery delivery, String why) {
        claims.release(delivery);
        return new Receipt.Failed(delivery, "Could not enqueue: " + why);
    }
}
