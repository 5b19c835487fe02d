package dev.ponte.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ponte.rd.events.RdJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Dead letters as messages of an SQS queue. Reading peeks (the messages stay visible); removing
 * finds the message again by the letter's id. Meant for the volumes a dead-letter queue should
 * have: tens, not millions.
 */
public final class SqsDeadLetterStore implements DeadLetterStore {

    private static final int MAX_SCAN = 1_000;
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsDeadLetterStore(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void park(DeadLetter letter) {
        sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody(RdJson.string(letter)));
    }

    @Override
    public List<DeadLetter> list(int max) {
        List<DeadLetter> letters = new ArrayList<>(scan().values().stream().map(Found::letter).toList());
        letters.sort(Comparator.comparing(DeadLetter::parkedAt).thenComparing(DeadLetter::id));
        return letters.size() > max ? letters.subList(0, max) : letters;
    }

    @Override
    public Optional<DeadLetter> get(String id) {
        return Optional.ofNullable(scan().get(id)).map(Found::letter);
    }

    @Override
    public void update(DeadLetter letter) {
        Found found = scan().get(letter.id());
        park(letter);
        if (found != null) {
            sqs.deleteMessage(delete -> delete.queueUrl(queueUrl).receiptHandle(found.receiptHandle()));
        }
    }

    @Override
    public void remove(String id) {
        Found found = scan().get(id);
        if (found != null) {
            sqs.deleteMessage(delete -> delete.queueUrl(queueUrl).receiptHandle(found.receiptHandle()));
        }
    }

    private record Found(DeadLetter letter, String receiptHandle) {
    }

    /**
     * Every message, each received once: a short visibility timeout hides what was seen so the
     * next receive returns others, and the hidden ones reappear right after.
     */
    private Map<String, Found> scan() {
        Map<String, Found> found = new LinkedHashMap<>();
        List<String> handles = new ArrayList<>();
        while (found.size() < MAX_SCAN) {
            List<Message> batch = sqs.receiveMessage(receive -> receive.queueUrl(queueUrl)
                    .maxNumberOfMessages(10).visibilityTimeout(5).waitTimeSeconds(0)).messages();
            if (batch.isEmpty()) {
                break;
            }
            for (Message message : batch) {
                handles.add(message.receiptHandle());
                try {
                    DeadLetter letter = RdJson.mapper().readValue(message.body(), DeadLetter.class);
                    found.putIfAbsent(letter.id(), new Found(letter, message.receiptHandle()));
                } catch (JsonProcessingException notOurs) {
                    // A message Ponte did not write: leave it for whoever did.
                }
            }
        }
        for (String handle : handles) {
            sqs.changeMessageVisibility(change -> change.queueUrl(queueUrl).receiptHandle(handle).visibilityTimeout(0));
        }
        return found;
    }
}
