package dev.ponte.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponte.rd.RdBatches;
import dev.ponte.rd.RdConfig;
import dev.ponte.rd.RdGateway;
import dev.ponte.rd.RdOutcome;
import dev.ponte.rd.events.RdJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sends deliveries to RD in as few calls as RD allows, for every path that sends: whole
 * deliveries packed in order into batch bodies of up to 0.2 MB (a lone one-event delivery goes to
 * the single-event endpoint), each call paced when asked. A contact's later deliveries are not
 * sent after one of its earlier ones failed, so its events never overtake each other. A batch RD
 * refuses is sent again one delivery at a time to find the one it refuses. A delivery larger than
 * one body goes alone, in as many calls as it takes.
 */
@ApplicationScoped
public class Sender {

    /**
     * What became of one delivery. {@code outcome} is RD's (with this delivery's own part of the
     * answer when accepted); when a delivery larger than one body failed part-way, its first
     * {@code delivered} events are in RD, answered by {@code deliveredAnswer}.
     */
    public record Sent(Delivery delivery, RdOutcome outcome, int delivered, JsonNode deliveredAnswer, boolean pacedOut) {

        static Sent whole(Delivery delivery, RdOutcome outcome) {
            return new Sent(delivery, outcome, 0, null, false);
        }

        /** Not tried at all (paced out, behind its contact's failure, circuit open): nothing was sent. */
        public boolean notTried() {
            return outcome instanceof RdOutcome.Unavailable u && u.attempts() == 0;
        }
    }

    private record Item(int index, Delivery delivery, List<String> events, Set<String> contacts, int bytes) {
    }

    private final RdGateway gateway;
    private final RdConfig config;
    private final RdPace pace;

    @Inject
    public Sender(RdGateway gateway, RdConfig config, RdPace pace) {
        this.gateway = gateway;
        this.config = config;
        this.pace = pace;
    }

    /** Sends {@code deliveries} before {@code deadline}; {@code paced}: each call waits for the rate limit. */
    public List<Sent> send(List<Delivery> deliveries, Instant deadline, boolean paced) {
        Sent[] results = new Sent[deliveries.size()];
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < deliveries.size(); i++) {
            Delivery delivery = deliveries.get(i);
            List<String> events = delivery.events().stream().map(RdJson::string).toList();
            Set<String> contacts = delivery.events().stream()
                    .map(e -> e.payload().email() == null ? "" : e.payload().email().toLowerCase(Locale.ROOT))
                    .collect(Collectors.toSet());
            int bytes = events.stream().mapToInt(RdBatches::bytes).sum() + events.size() + 1;
            items.add(new Item(i, delivery, events, contacts, bytes));
        }
        Set<String> blocked = new HashSet<>();
        for (List<Item> chunk : pack(items)) {
            List<Item> sendable = new ArrayList<>();
            for (Item item : chunk) {
                if (item.contacts().stream().anyMatch(blocked::contains)) {
                    results[item.index()] = notTried(item, "an earlier delivery for the same contact was not delivered");
                } else {
                    sendable.add(item);
                }
            }
            if (!sendable.isEmpty()) {
                sendChunk(sendable, deadline, paced, blocked, results);
            }
        }
        return List.of(results);
    }

    private void sendChunk(List<Item> items, Instant deadline, boolean paced, Set<String> blocked, Sent[] results) {
        if (items.size() == 1 && items.get(0).bytes() > config.batchMaxBytes()) {
            Sent sent = inSeveralCalls(items.get(0), deadline, paced);
            results[items.get(0).index()] = sent;
            if (!(sent.outcome() instanceof RdOutcome.Accepted)) {
                blocked.addAll(items.get(0).contacts());
            }
            return;
        }
        if (paced && !pace.await(deadline)) {
            items.forEach(item -> results[item.index()] = pacedOut(item));
            items.forEach(item -> blocked.addAll(item.contacts()));
            return;
        }
        boolean single = items.size() == 1 && !items.get(0).delivery().batch() && items.get(0).events().size() == 1;
        RdOutcome outcome = single
                ? gateway.sendEvent(items.get(0).events().get(0), items.get(0).delivery().events().get(0).eventType(), deadline)
                : gateway.sendBatch(items.stream().flatMap(i -> i.events().stream()).collect(Collectors.joining(",", "[", "]")),
                        deadline);
        if (outcome instanceof RdOutcome.Rejected && items.size() > 1) {
            // One delivery spoils the batch: find it by sending each on its own.
            for (Item item : items) {
                sendChunk(List.of(item), deadline, paced, blocked, results);
            }
            return;
        }
        for (Item item : items) {
            results[item.index()] = Sent.whole(item.delivery(), own(outcome, item, items, single));
        }
        if (outcome instanceof RdOutcome.Unavailable || outcome instanceof RdOutcome.NoAnswer) {
            items.forEach(item -> blocked.addAll(item.contacts()));
        }
    }

    /** This item's part of a call's outcome: its slice of RD's uuids when accepted, now or later. */
    private static RdOutcome own(RdOutcome outcome, Item item, List<Item> items, boolean single) {
        if (outcome instanceof RdOutcome.Accepted accepted) {
            return new RdOutcome.Accepted(single ? accepted.body() : slice(accepted.body(), item, items), accepted.attempts());
        }
        if (outcome instanceof RdOutcome.InFlight inFlight) {
            return new RdOutcome.InFlight(inFlight.settled().thenApply(late -> own(late, item, items, single)),
                    inFlight.attempts());
        }
        return outcome;
    }

    /** RD's batch answer cut down to one delivery's events, in request order. */
    private static JsonNode slice(JsonNode answer, Item item, List<Item> items) {
        int at = 0;
        for (Item before : items) {
            if (before == item) {
                break;
            }
            at += before.events().size();
        }
        JsonNode uuids = answer.path("events");
        if (!item.delivery().batch() && item.events().size() == 1) {
            JsonNode own = uuids.path(at);
            return own.isMissingNode() ? RdJson.mapper().createObjectNode().putNull("event_uuid") : own;
        }
        ObjectNode own = RdJson.mapper().createObjectNode();
        own.set("event_batch_uuid", answer.path("event_batch_uuid").isMissingNode() ? null : answer.get("event_batch_uuid"));
        ArrayNode events = own.putArray("events");
        for (int i = 0; i < item.events().size(); i++) {
            JsonNode uuid = uuids.path(at + i);
            events.add(uuid.isMissingNode() ? RdJson.mapper().createObjectNode().putNull("event_uuid") : uuid);
        }
        return own;
    }

    /**
     * A delivery larger than one batch body: its events in order, in as many calls as it takes.
     * A call still in flight at the deadline is waited for: splitting the delivery's outcome over
     * time would leave its later calls to nobody.
     */
    private Sent inSeveralCalls(Item item, Instant deadline, boolean paced) {
        ArrayNode uuids = RdJson.mapper().createArrayNode();
        List<JsonNode> batchUuids = new ArrayList<>();
        int delivered = 0;
        int attempts = 0;
        for (RdBatches.Chunk chunk : RdBatches.pack(item.events(), config.batchMaxBytes())) {
            if (paced && !pace.await(deadline)) {
                if (delivered == 0) {
                    return pacedOut(item);
                }
                return failedPart(item, pacedOut(item).outcome(), delivered, uuids, batchUuids);
            }
            RdOutcome outcome = gateway.sendBatch(chunk.body(), deadline);
            if (outcome instanceof RdOutcome.InFlight inFlight) {
                outcome = inFlight.settled().toCompletableFuture().join();
            }
            attempts += outcome.attempts();
            if (!(outcome instanceof RdOutcome.Accepted accepted)) {
                return failedPart(item, outcome, delivered, uuids, batchUuids);
            }
            if (accepted.body().hasNonNull("event_batch_uuid")) {
                batchUuids.add(accepted.body().get("event_batch_uuid"));
            }
            uuids.addAll((ArrayNode) accepted.body().path("events"));
            delivered += chunk.size();
        }
        return Sent.whole(item.delivery(), new RdOutcome.Accepted(answer(uuids, batchUuids), attempts));
    }

    private static Sent failedPart(Item item, RdOutcome failure, int delivered, ArrayNode uuids, List<JsonNode> batchUuids) {
        return new Sent(item.delivery(), failure, delivered, delivered == 0 ? null : answer(uuids, batchUuids), false);
    }

    /** RD's batch answer for a delivery it took in several calls; {@code event_batch_uuids} lists each call's. */
    private static ObjectNode answer(ArrayNode uuids, List<JsonNode> batchUuids) {
        ObjectNode answer = RdJson.mapper().createObjectNode();
        answer.set("event_batch_uuid", batchUuids.isEmpty() ? null : batchUuids.get(0));
        if (batchUuids.size() > 1) {
            batchUuids.forEach(answer.putArray("event_batch_uuids")::add);
        }
        answer.set("events", uuids);
        return answer;
    }

    private static Sent notTried(Item item, String why) {
        return Sent.whole(item.delivery(), new RdOutcome.Unavailable("Not sent: " + why, null, false, 0));
    }

    /** Not sent because this process's pace under the rate limit had no slot in time: RD is fine. */
    private static Sent pacedOut(Item item) {
        return new Sent(item.delivery(), new RdOutcome.Unavailable(
                "Not sent: no free slot under PONTE_RD_RATE_LIMIT_PER_MINUTE before the deadline", null, true, 0), 0, null, true);
    }

    /** Whole deliveries, in order, packed into bodies RD accepts; an oversized delivery goes alone. */
    private List<List<Item>> pack(List<Item> items) {
        List<List<Item>> chunks = new ArrayList<>();
        List<Item> current = new ArrayList<>();
        int bytes = 1;
        for (Item item : items) {
            if (!current.isEmpty() && bytes + item.bytes() > config.batchMaxBytes()) {
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
}
