package dev.ponte.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponte.rd.EcommerceInBatches;
import dev.ponte.rd.RdBatches;
import dev.ponte.rd.RdConfig;
import dev.ponte.rd.RdGateway;
import dev.ponte.rd.RdOutcome;
import dev.ponte.rd.events.EventType;
import dev.ponte.rd.events.RdEvent;
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
 * refuses is sent again one delivery at a time to find the one it refuses (a call shared by
 * several waiting senders, {@link #sendShared}, is left for each sender to send its own again). A
 * delivery larger than one body goes alone, in as many calls as it takes. Where RD refuses the
 * ECOMMERCE_* family in batches ({@link EcommerceInBatches}), those events go to the single-event
 * endpoint, in order.
 */
@ApplicationScoped
public class Sender {

    /**
     * What became of one delivery. {@code outcome} is RD's (with this delivery's own part of the
     * answer when accepted); when a delivery larger than one body failed part-way, its first
     * {@code delivered} events are in RD, answered by {@code deliveredAnswer}.
     * {@code refusedWithOthers}: it was in a call shared with other senders' deliveries
     * ({@link #sendShared}) that RD refused as a whole; which of them RD refuses is not known yet.
     */
    public record Sent(Delivery delivery, RdOutcome outcome, int delivered, JsonNode deliveredAnswer, boolean pacedOut,
            boolean refusedWithOthers) {

        static Sent whole(Delivery delivery, RdOutcome outcome) {
            return new Sent(delivery, outcome, 0, null, false, false);
        }

        /** Not tried at all (paced out, behind its contact's failure, circuit open): nothing was sent. */
        public boolean notTried() {
            return outcome instanceof RdOutcome.Unavailable u && u.attempts() == 0;
        }
    }

    private record Item(int index, Delivery delivery, List<String> events, Set<String> contacts, int bytes) {

        boolean ecommerce() {
            return delivery.events().stream().anyMatch(e -> e.eventType().ecommerce());
        }

        EventType type(int event) {
            return delivery.events().get(event).eventType();
        }
    }

    /** One call of a delivery sent in several: {@code size} events from its {@code from}-th, alone or as a batch. */
    private record Call(int from, int size, boolean single) {
    }

    private final RdGateway gateway;
    private final RdConfig config;
    private final RdPace pace;
    private final EcommerceInBatches ecommerceInBatches;

    @Inject
    public Sender(RdGateway gateway, RdConfig config, RdPace pace, EcommerceInBatches ecommerceInBatches) {
        this.gateway = gateway;
        this.config = config;
        this.pace = pace;
        this.ecommerceInBatches = ecommerceInBatches;
    }

    /** Sends {@code deliveries} before {@code deadline}; {@code paced}: each call waits for the rate limit. */
    public List<Sent> send(List<Delivery> deliveries, Instant deadline, boolean paced) {
        return send(deliveries, deadline, paced, true);
    }

    /**
     * Sends, unpaced, deliveries of several senders together. A batch RD refuses is not taken apart
     * here, one delivery after another: its deliveries come back {@link Sent#refusedWithOthers} for
     * each sender to send its own again, all at once, so a refused delivery holds up nobody else's.
     */
    public List<Sent> sendShared(List<Delivery> deliveries, Instant deadline) {
        return send(deliveries, deadline, false, false);
    }

    private List<Sent> send(List<Delivery> deliveries, Instant deadline, boolean paced, boolean findRefused) {
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
                sendChunk(sendable, deadline, paced, findRefused, blocked, results);
            }
        }
        return List.of(results);
    }

    private void sendChunk(List<Item> items, Instant deadline, boolean paced, boolean findRefused, Set<String> blocked,
            Sent[] results) {
        if (items.size() == 1 && (items.get(0).bytes() > config.batchMaxBytes() || oneByOne(items.get(0)))) {
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
        if (!single && outcome instanceof RdOutcome.Rejected rejected
                && ecommerceInBatches.refusedIn(rejected, items.stream().flatMap(i -> i.delivery().events().stream())
                        .map(RdEvent::eventType).toList())) {
            // RD does not take the ECOMMERCE_* family in batches: each delivery again, those events alone.
            for (Item item : items) {
                sendChunk(List.of(item), deadline, paced, findRefused, blocked, results);
            }
            return;
        }
        if (outcome instanceof RdOutcome.Rejected && items.size() > 1 && !findRefused) {
            for (Item item : items) {
                results[item.index()] = new Sent(item.delivery(), outcome, 0, null, false, true);
                blocked.addAll(item.contacts()); // sent again later by its sender: nothing of its contact's may overtake it
            }
            return;
        }
        if (outcome instanceof RdOutcome.Rejected && items.size() > 1) {
            // One delivery spoils the batch: find it by sending each on its own.
            for (Item item : items) {
                sendChunk(List.of(item), deadline, paced, findRefused, blocked, results);
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
     * A delivery that cannot go in one call: larger than one batch body, or holding ECOMMERCE_*
     * events RD does not take in batches. Its events go in order, in as many calls as it takes. A
     * call still in flight at the deadline is waited for: splitting the delivery's outcome over
     * time would leave its later calls to nobody.
     */
    private Sent inSeveralCalls(Item item, Instant deadline, boolean paced) {
        ArrayNode uuids = RdJson.mapper().createArrayNode();
        List<JsonNode> batchUuids = new ArrayList<>();
        int delivered = 0;
        int attempts = 0;
        while (delivered < item.events().size()) {
            Call call = nextCall(item, delivered);
            if (paced && !pace.await(deadline)) {
                if (delivered == 0) {
                    return pacedOut(item);
                }
                return failedPart(item, pacedOut(item).outcome(), delivered, uuids, batchUuids);
            }
            List<String> events = item.events().subList(call.from(), call.from() + call.size());
            RdOutcome outcome = call.single()
                    ? gateway.sendEvent(events.get(0), item.type(call.from()), deadline)
                    : gateway.sendBatch(String.join(",", events).transform(body -> "[" + body + "]"), deadline);
            if (outcome instanceof RdOutcome.InFlight inFlight) {
                outcome = inFlight.settled().toCompletableFuture().join();
            }
            attempts += outcome.attempts();
            if (!call.single() && outcome instanceof RdOutcome.Rejected rejected && ecommerceInBatches.refusedIn(rejected,
                    item.delivery().events().subList(call.from(), call.from() + call.size()).stream()
                            .map(RdEvent::eventType).toList())) {
                continue; // the same events again, the ECOMMERCE_* ones alone
            }
            if (!(outcome instanceof RdOutcome.Accepted accepted)) {
                return failedPart(item, outcome, delivered, uuids, batchUuids);
            }
            if (call.single()) {
                uuids.add(accepted.body().isObject() ? accepted.body()
                        : RdJson.mapper().createObjectNode().putNull("event_uuid"));
            } else {
                if (accepted.body().hasNonNull("event_batch_uuid")) {
                    batchUuids.add(accepted.body().get("event_batch_uuid"));
                }
                uuids.addAll((ArrayNode) accepted.body().path("events"));
            }
            delivered += call.size();
        }
        return Sent.whole(item.delivery(), new RdOutcome.Accepted(answer(uuids, batchUuids), attempts));
    }

    /**
     * The next call from the {@code from}-th event: an ECOMMERCE_* event alone where RD takes them
     * only so, otherwise as many following events as one batch body holds.
     */
    private Call nextCall(Item item, int from) {
        boolean alone = !ecommerceInBatches.accepted();
        if (alone && item.type(from).ecommerce()) {
            return new Call(from, 1, true);
        }
        int bytes = 2 + RdBatches.bytes(item.events().get(from));
        if (bytes > config.batchMaxBytes()) {
            throw new IllegalArgumentException("an event of " + (bytes - 2) + " bytes exceeds the batch limit of "
                    + config.batchMaxBytes());
        }
        int size = 1;
        while (from + size < item.events().size() && !(alone && item.type(from + size).ecommerce())) {
            int next = RdBatches.bytes(item.events().get(from + size)) + 1;
            if (bytes + next > config.batchMaxBytes()) {
                break;
            }
            bytes += next;
            size++;
        }
        // Between two ECOMMERCE_* events a lone older one goes to the single-event endpoint too.
        return new Call(from, size, alone && size == 1);
    }

    /** Whether this delivery's events must go in several calls because RD takes its ECOMMERCE_* events only alone. */
    private boolean oneByOne(Item item) {
        boolean singleAnyway = item.events().size() == 1 && !item.delivery().batch();
        return !singleAnyway && item.ecommerce() && !ecommerceInBatches.accepted();
    }

    private static Sent failedPart(Item item, RdOutcome failure, int delivered, ArrayNode uuids, List<JsonNode> batchUuids) {
        return new Sent(item.delivery(), failure, delivered, delivered == 0 ? null : answer(uuids, batchUuids), false, false);
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
                "Not sent: no free slot under PONTE_RD_RATE_LIMIT_PER_MINUTE before the deadline", null, true, 0), 0, null, true,
                false);
    }

    /** Whole deliveries, in order, packed into bodies RD accepts; an oversized delivery goes alone. */
    private List<List<Item>> pack(List<Item> items) {
        List<List<Item>> chunks = new ArrayList<>();
        List<Item> current = new ArrayList<>();
        int bytes = 1;
        for (Item item : items) {
            if (oneByOne(item)) {
                if (!current.isEmpty()) {
                    chunks.add(current);
                    current = new ArrayList<>();
                    bytes = 1;
                }
                chunks.add(List.of(item));
                continue;
            }
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
