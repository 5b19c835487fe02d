package dev.ponte.delivery;

import dev.ponte.delivery.state.StateStore;
import io.quarkus.arc.Unremovable;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.ponte.journal.Traffic;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Drains queued deliveries into as few RD calls as RD allows, paced under the account's limit.
 * Each message's key is taken first, so a message SQS hands out twice is sent once. What RD
 * takes is recorded; what it cannot take now is parked as a dead letter, which redelivery
 * brings back on its schedule; a message whose pace slot did not come in time, or whose key
 * another worker holds, stays on the queue for its next receive.
 */
@ApplicationScoped
@Unremovable
public class QueueWorker {

    /**
     * One queue message: its id (for partial-failure reports), its body, and when the queue took
     * it ({@code null} when the queue did not say).
     */
    public record Message(String id, String body, Instant sentAt) {

        public Message(String id, String body) {
            this(id, body, null);
        }

        /** SQS's {@code SentTimestamp} attribute (epoch milliseconds) as an instant; null when absent or not a number. */
        static Instant sentAt(String epochMillis) {
            if (epochMillis == null) {
                return null;
            }
            try {
                return Instant.ofEpochMilli(Long.parseLong(epochMillis));
            } catch (NumberFormatException notMillis) {
                return null;
            }
        }
    }

    private final Claims claims;
    private final Sender sender;
    private final Settlement settlement;
    private final QueueConfig queue;
    private final Clock clock;
    private final Traffic traffic;

    @Inject
    public QueueWorker(Claims claims, Sender sender, Settlement settlement, QueueConfig queue, Clock clock,
            Traffic traffic) {
        this.claims = claims;
        this.sender = sender;
        this.settlement = settlement;
        this.queue = queue;
        this.clock = clock;
        this.traffic = traffic;
    }

    /** Delivers what it can; returns the ids of the messages to leave on the queue for another try. */
    public List<String> process(List<Message> messages) {
        List<String> retry = new ArrayList<>();
        List<Delivery> taken = new ArrayList<>();
        List<String> takenIds = new ArrayList<>();
        Instant now = clock.instant();
        for (Message message : messages) {
            if (message.sentAt() != null) {
                traffic.queueLag(Duration.between(message.sentAt(), now));
            }
            Delivery delivery;
            try {
                delivery = StoredDelivery.read(message.body());
            } catch (RuntimeException unreadable) {
                // Left on the queue: after the configured receives SQS moves it to the DLQ.
                Log.errorf("queue message %s is not a Ponte delivery: %s", message.id(), unreadable.getMessage());
                retry.add(message.id());
                continue;
            }
            StateStore.Claim claim;
            try {
                claim = claims.take(delivery);
            } catch (RuntimeException e) {
                Log.errorf(e, "could not take %s; it stays queued", delivery.key());
                retry.add(message.id());
                continue;
            }
            if (claim.status() == StateStore.Status.IN_PROGRESS) {
                retry.add(message.id());
            } else if (claim.won()) {
                taken.add(claim.letterId() == null ? delivery : delivery.withLetterId(claim.letterId()));
                takenIds.add(message.id());
            }
            // DONE or MAYBE: a copy of something already settled; the message is done with.
        }
        List<Sender.Sent> sent = sender.send(taken, clock.instant().plus(queue.workerBudget()), true);
        for (int i = 0; i < sent.size(); i++) {
            Sender.Sent one = sent.get(i);
            if (one.pacedOut()) {
                claims.queued(one.delivery(), "{\"outcome\":\"queued\"}");
                retry.add(takenIds.get(i));
                continue;
            }
            Receipt receipt = settlement.settle(one, true);
            if (receipt instanceof Receipt.Failed) {
                retry.add(takenIds.get(i));
            }
        }
        return retry;
    }
}
