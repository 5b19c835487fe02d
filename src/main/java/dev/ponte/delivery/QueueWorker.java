package dev.ponte.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponte.rd.RdBatches;
import dev.ponte.rd.RdConfig;
import dev.ponte.rd.RdGateway;
import dev.ponte.rd.RdOutcome;
import dev.ponte.rd.events.RdEvent;
import dev.ponte.rd.events.RdJson;
import io.quarkus.arc.Unremovable;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Drains queued deliveries into as few RD calls as RD allows: whole messages packed in order
 * into batch bodies of up to 0.2 MB, one call at a time under the account's rate limit. A message
 * RD cannot take now stays on the queue, and so does every later message for the same contact,
 * so a contact's events never overtake each other. Messages RD refuses are parked.
 */
@ApplicationScoped
@Unremovable
public class QueueWorker {

    /** One queue message: its id (for partial-failure reports) and its body. */
    public record Message(String id, String body) {
    }

    private record Item(Message message, Delivery delivery, List<String> events, Set<String> contacts, int bytes) {
    }

    private final RdGateway gateway;
    private final Deliveries deliveries;
    private final RdConfig rd;
    private final QueueConfig queue;
    private final RateLimiter limiter;

    @Inject
    public QueueWorker(RdGateway gateway, Deliveries deliveries, RdConfig rd, QueueConfig queue, Clock clock) {
        this.gateway = gateway;
        this.deliveries = deliveries;
        this.rd = rd;
        this.queue = queue;
        this.limiter = new RateLimiter(rd.rateLimitPerMinute(), clock, d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000));
        // Each worker paces itself; the deployment caps concurrent workers so the sum stays under the limit.
    }

    /** Delivers what it can; returns the ids of the messages to leave on the queue for another try. */
    public List<String> process(List<Message> messages) {
        List<String> retry = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        for (Message message : messages) {
            try {
                QueuedDelivery queued = RdJson.mapper().readValue(message.body(), QueuedDelivery.class);
                Delivery delivery = queued.delivery();
                List<String> events = delivery.events().stream().map(RdJson::string).toList();
                Set<String> contacts = new HashSet<>();
                delivery.events().forEach(e -> contacts.add(contact(e)));
                int bytes = events.stream().mapToInt(RdBatches::bytes).sum() + events.size() + 1;
                items.add(new Item(message, delivery, events, contacts, bytes));
            } catch (Exception unreadable) {
                // Left on the queue: after the configured receives SQS moves it to the DLQ.
                Log.errorf("queue message %s is not a Ponte delivery: %s", message.id(), unreadable.getMessage());
                retry.add(message.id());
            }
        }
        Set<String> blockedContacts = new HashSet<>();
        for (List<Item> chunk : pack(items)) {
            List<Item> sendable = new ArrayList<>();
            for (Item item : chunk) {
                if (item.contacts().stream().anyMatch(blockedContacts::contains)) {
                    retry.add(item.message().id());
                } else {
                    sendable.add(item);
                }
            }
            if (!sendable.isEmpty()) {
                send(sendable, retry, blockedContacts);
            }
        }
        return retry;
    }

    private void send(List<Item> chunk, List<String> retry, Set<String> blockedContacts) {
        RdOutcome outcome = call(chunk);
        if (outcome instanceof RdOutcome.Accepted accepted) {
            record(chunk, accepted.body());
            return;
        }
        if (outcome instanceof RdOutcome.Rejected && chunk.size() > 1) {
            // One message spoils the batch: find it by sending each on its own.
            for (Item item : chunk) {
                send(List.of(item), retry, blockedContacts);
            }
            return;
        }
        if (outcome instanceof RdOutcome.Rejected) {
            Item item = chunk.get(0);
            deliveries.park(item.delivery(), item.delivery().dedupeKey(), Deliveries.reason(outcome), outcome.attempts(),
                    item.delivery().events());
            return;
        }
        Log.warnf("RD did not take %d queued deliveries; they stay queued: %s", chunk.size(), Deliveries.reason(outcome));
        for (Item item : chunk) {
            retry.add(item.message().id());
            blockedContacts.addAll(item.contacts());
        }
    }

    private RdOutcome call(List<Item> chunk) {
        try {
            limiter.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RdOutcome.Unavailable("interrupted while waiting for the rate limit", 0);
        }
        if (chunk.size() == 1 && chunk.get(0).bytes() > rd.batchMaxBytes()) {
            return inSeveralCalls(chunk.get(0).delivery().events());
        }
        String body = chunk.stream().flatMap(item -> item.events().stream()).collect(Collectors.joining(",", "[", "]"));
        return gateway.sendBatch(body, queue.workerBudget());
    }

    /** A single delivery larger than one batch body: sent in order, in as many calls as it takes. */
    private RdOutcome inSeveralCalls(List<RdEvent> events) {
        List<RdBatches.Chunk> chunks = RdBatches.pack(events.stream().map(RdJson::string).toList(), rd.batchMaxBytes());
        ArrayNode uuids = RdJson.mapper().createArrayNode();
        int attempts = 0;
        for (RdBatches.Chunk chunk : chunks) {
            if (attempts > 0) {
                try {
                    limiter.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new RdOutcome.Unavailable("interrupted while waiting for the rate limit", attempts);
                }
            }
            RdOutcome outcome = gateway.sendBatch(chunk.body(), queue.workerBudget());
            attempts += outcome.attempts();
            if (!(outcome instanceof RdOutcome.Accepted accepted)) {
                return outcome;
            }
            uuids.addAll((ArrayNode) accepted.body().path("events"));
        }
        ObjectNode answer = RdJson.mapper().createObjectNode();
        answer.set("events", uuids);
        return new RdOutcome.Accepted(answer, attempts);
    }

    /** Hands each delivery its own slice of RD's uuids, in request order. */
    private void record(List<Item> chunk, JsonNode answer) {
        JsonNode uuids = answer.path("events");
        int at = 0;
        for (Item item : chunk) {
            ObjectNode own = RdJson.mapper().createObjectNode();
            own.set("event_batch_uuid", answer.path("event_batch_uuid"));
            ArrayNode events = own.putArray("events");
            for (int i = 0; i < item.events().size(); i++) {
                JsonNode uuid = uuids.path(at++);
                events.add(uuid.isMissingNode() ? RdJson.mapper().nullNode() : uuid);
            }
            deliveries.delivered(item.delivery(), own);
        }
    }

    /** Whole messages, in order, packed into bodies RD accepts; an oversized message goes alone. */
    private List<List<Item>> pack(List<Item> items) {
        List<List<Item>> chunks = new ArrayList<>();
        List<Item> current = new ArrayList<>();
        int bytes = 1;
        for (Item item : items) {
            if (!current.isEmpty() && bytes + item.bytes() > rd.batchMaxBytes()) {
                chunks.add(current);
                current = new ArrayList<>();
                bytes = 1;
            }
            current.add(item);
            bytes += item.bytes();
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    private static String contact(RdEvent event) {
        String email = event.payload().email();
        return email == null ? "" : email.toLowerCase(Locale.ROOT);
    }
}
