package dev.ponte.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.rd.BatchResult;
import dev.ponte.rd.RdDelivery;
import dev.ponte.rd.RdError;
import dev.ponte.rd.RdGateway;
import dev.ponte.rd.RdOutcome;
import dev.ponte.rd.events.RdEvent;
import dev.ponte.rd.events.RdJson;
import dev.ponte.rd.validation.EventValidator;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The promise Ponte makes to every sender: each accepted delivery becomes its RD events exactly
 * once, or waits as a dead letter until it can. A key is claimed before anything is sent, kept
 * with RD's answer once RD accepts, and released when the events are parked instead, so that a
 * replay or a redelivery can claim it again.
 */
@ApplicationScoped
public class Deliveries {

    /** What a replay achieved. */
    public enum ReplayOutcome { DELIVERED, DEDUPLICATED, STILL_FAILING }

    private final DedupeStore dedupe;
    private final DeadLetterStore deadLetters;
    private final RdGateway gateway;
    private final RdDelivery batches;
    private final DeliveryConfig config;
    private final QueueConfig queue;
    private final AwsClients aws;
    private final ContactDirectory contacts;
    private final Instance<Remapping> remapping;
    private final Clock clock;

    @Inject
    public Deliveries(DedupeStore dedupe, DeadLetterStore deadLetters, RdGateway gateway, RdDelivery batches,
            DeliveryConfig config, QueueConfig queue, AwsClients aws, ContactDirectory contacts,
            Instance<Remapping> remapping, Clock clock) {
        this.dedupe = dedupe;
        this.deadLetters = deadLetters;
        this.gateway = gateway;
        this.batches = batches;
        this.config = config;
        this.queue = queue;
        this.aws = aws;
        this.contacts = contacts;
        this.remapping = remapping;
        this.clock = clock;
    }

    public Receipt deliver(Delivery delivery) {
        String key = delivery.dedupeKey();
        if (key != null) {
            DedupeStore.Claim claim = dedupe.claim(key);
            if (!claim.won()) {
                return new Receipt.Duplicate(claim.inProgress(), claim.result());
            }
        }
        if (config.mode() == DeliveryConfig.Mode.queue) {
            return enqueue(delivery, key);
        }
        Attempt attempt = attempt(delivery);
        if (attempt.answer() != null) {
            complete(key, attempt.answer());
            contacts.learn(delivery.events());
            return new Receipt.Delivered(attempt.answer(), attempt.attempts());
        }
        return park(delivery, key, attempt.reason(), attempt.attempts(), attempt.undelivered());
    }

    /**
     * Whether {@code source}'s delivery {@code deliveryId} already went through, so a redelivery
     * can be answered before work that costs a vendor API call. Only a hint: if the store cannot
     * tell, the answer is no, and the claim in {@link #deliver} still stops a second delivery.
     */
    public boolean alreadyDelivered(String source, String deliveryId) {
        String key = new Delivery(source, deliveryId, List.of(), null).dedupeKey();
        if (key == null) {
            return false;
        }
        try {
            return dedupe.completed(key);
        } catch (RuntimeException e) {
            Log.warnf(e, "could not ask the dedupe store about %s", key);
            return false;
        }
    }

    /**
     * A genuine delivery that could not even be mapped (its contact is unknown): parked with the
     * raw request, for an operator to see and replay once the cause is fixed.
     */
    public Receipt parkUnmapped(Delivery delivery, String reason) {
        String key = delivery.dedupeKey();
        if (key != null) {
            DedupeStore.Claim claim = dedupe.claim(key);
            if (!claim.won()) {
                return new Receipt.Duplicate(claim.inProgress(), claim.result());
            }
        }
        return park(delivery, key, reason, 0, List.of());
    }

    /**
     * Parks what could not be delivered and frees its key. Also the worker's way out for
     * messages RD will never accept.
     */
    Receipt park(Delivery delivery, String key, String reason, int attempts, List<RdEvent> undelivered) {
        DeadLetter letter = new DeadLetter(UUID.randomUUID().toString(), delivery.source(), delivery.deliveryId(),
                reason, attempts, now(), now(),
                undelivered.stream().map(RdJson::tree).map(JsonNode.class::cast).toList(), delivery.request());
        try {
            deadLetters.park(letter);
        } catch (RuntimeException e) {
            Log.errorf(e, "could not park a dead letter for %s (%s)", delivery.source(), reason);
            release(key);
            return new Receipt.Failed("Not delivered (" + reason + ") and could not be parked: " + e.getMessage());
        }
        release(key);
        Log.warnf("parked dead letter %s from %s: %s", letter.id(), delivery.source(), reason);
        return new Receipt.Parked(letter.id(), reason, attempts);
    }

    /**
     * Queue mode: checks what can be checked now (RD's rules), then hands the delivery to the
     * queue. The key is marked delivered at once, so copies arriving while it waits are refused;
     * the worker records RD's answer, or frees the key when it parks the delivery.
     */
    private Receipt enqueue(Delivery delivery, String key) {
        String invalid = invalidReason(delivery.events());
        if (invalid != null) {
            return park(delivery, key, invalid, 0, delivery.events());
        }
        String url = queue.url().filter(u -> !u.isBlank()).orElse(null);
        if (url == null) {
            release(key);
            return new Receipt.Failed("PONTE_DELIVERY_MODE=queue needs PONTE_QUEUE_URL");
        }
        try {
            String body = RdJson.string(QueuedDelivery.of(delivery, now()));
            String messageId = aws.sqs().sendMessage(send -> send.queueUrl(url).messageBody(body)).messageId();
            complete(key, RdJson.mapper().createObjectNode().put("queued", messageId));
            return new Receipt.Queued(messageId);
        } catch (RuntimeException e) {
            Log.errorf(e, "could not enqueue a delivery from %s", delivery.source());
            release(key);
            return new Receipt.Failed("Could not enqueue: " + e.getMessage());
        }
    }

    /** Tries a dead letter again; it leaves the store once delivered or found already delivered. */
    public ReplayOutcome replay(DeadLetter letter) {
        List<RdEvent> events = letter.events().stream().map(RdJson::event).toList();
        if (events.isEmpty()) {
            // Parked before it could be mapped: map the stored request again, with what is known now.
            Remapping.Remapped remapped = remapping.isResolvable() ? remapping.get().remap(letter)
                    : new Remapping.Remapped(List.of(), "Nothing can map parked requests again.");
            if (remapped.events().isEmpty()) {
                deadLetters.update(letter.failedAgain(remapped.reason(), 0, now()));
                return ReplayOutcome.STILL_FAILING;
            }
            events = remapped.events();
        }
        Delivery delivery = new Delivery(letter.source(), letter.deliveryId(), events, letter.request());
        String key = delivery.dedupeKey();
        if (key != null) {
            DedupeStore.Claim claim = dedupe.claim(key);
            if (!claim.won()) {
                if (claim.inProgress()) {
                    return ReplayOutcome.STILL_FAILING; // another copy is being delivered right now
                }
                deadLetters.remove(letter.id());
                return ReplayOutcome.DEDUPLICATED;
            }
        }
        Attempt attempt = attempt(delivery);
        if (attempt.answer() != null) {
            complete(key, attempt.answer());
            deadLetters.remove(letter.id());
            return ReplayOutcome.DELIVERED;
        }
        release(key);
        List<JsonNode> remaining = attempt.undelivered().stream().map(RdJson::tree).map(JsonNode.class::cast).toList();
        deadLetters.update(new DeadLetter(letter.id(), letter.source(), letter.deliveryId(), attempt.reason(),
                letter.attempts() + attempt.attempts(), letter.parkedAt(), now(), remaining, letter.request()));
        return ReplayOutcome.STILL_FAILING;
    }

    /** One try at RD: RD's answer, or why not and which events are still owed. */
    private record Attempt(JsonNode answer, String reason, int attempts, List<RdEvent> undelivered) {
    }

    private Attempt attempt(Delivery delivery) {
        List<RdEvent> events = delivery.events();
        String invalid = invalidReason(events);
        if (invalid != null) {
            return new Attempt(null, invalid, 0, events);
        }
        if (events.size() == 1) {
            RdOutcome outcome = gateway.send(events.get(0));
            return outcome instanceof RdOutcome.Accepted accepted
                    ? new Attempt(accepted.body(), null, outcome.attempts(), List.of())
                    : new Attempt(null, reason(outcome), outcome.attempts(), events);
        }
        BatchResult result = batches.sendBatch(events);
        if (result.complete()) {
            return new Attempt(result.answer(), null, result.attempts(), List.of());
        }
        return new Attempt(null, reason(result.failure()), result.attempts(),
                events.subList(result.delivered(), events.size()));
    }

    static String invalidReason(List<RdEvent> events) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            for (RdError error : EventValidator.validate(events.get(i))) {
                problems.add((events.size() > 1 ? "event " + i + " " : "") + error.path() + ": " + error.errorMessage());
            }
        }
        return problems.isEmpty() ? null : "RD would refuse the mapped events: " + String.join("; ", problems);
    }

    static String reason(RdOutcome outcome) {
        if (outcome instanceof RdOutcome.Rejected rejected) {
            return "RD refused the events (HTTP " + rejected.status() + "): " + rejected.errors().errors().stream()
                    .map(e -> e.errorType() + (e.path() == null ? "" : " at " + e.path()) + " " + e.errorMessage())
                    .collect(Collectors.joining("; "));
        }
        if (outcome instanceof RdOutcome.CredentialsRefused refused) {
            return refused.message();
        }
        return "RD unavailable: " + ((RdOutcome.Unavailable) outcome).reason();
    }

    /** Delivered by the queue worker: recorded like a direct delivery. */
    void delivered(Delivery delivery, JsonNode answer) {
        complete(delivery.dedupeKey(), answer);
        contacts.learn(delivery.events());
    }

    void complete(String key, JsonNode answer) {
        if (key == null) {
            return;
        }
        try {
            dedupe.complete(key, answer.toString());
        } catch (RuntimeException e) {
            // RD has the events; failing the sender now would make it redeliver them. The claim
            // expires after the claim timeout; until then copies are still refused.
            Log.errorf(e, "delivered %s but could not record it in the dedupe store", key);
        }
    }

    private void release(String key) {
        if (key == null) {
            return;
        }
        try {
            dedupe.release(key);
        } catch (RuntimeException e) {
            Log.errorf(e, "could not release dedupe key %s; it frees itself after the claim timeout", key);
        }
    }

    private String now() {
        return clock.instant().toString();
    }
}
