package dev.ponte.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponte.delivery.DedupeStore;
import dev.ponte.rd.BatchResult;
import dev.ponte.rd.RdDelivery;
import dev.ponte.rd.RdError;
import dev.ponte.rd.RdErrors;
import dev.ponte.rd.RdGateway;
import dev.ponte.rd.RdOutcome;
import dev.ponte.rd.events.RdEvent;
import dev.ponte.rd.events.RdJson;
import dev.ponte.rd.validation.EventValidator;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * RD's Events API, passed through: the same request and response shapes as
 * {@code /platform/events} and {@code /platform/events/batch}, validated before anything is sent,
 * and delivered with Ponte's credentials, retries and batching.
 */
@Path("/events")
public class EventsResource {

    /** Makes a retried request safe: the same key within the dedupe TTL is delivered once. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    RequestBodies bodies;

    @Inject
    RdGateway gateway;

    @Inject
    RdDelivery delivery;

    @Inject
    EdgeLogEntry log;

    @Inject
    DedupeStore dedupe;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response event(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, byte[] body) {
        JsonNode node = bodies.json(contentType, body);
        List<RdError> errors = EventValidator.validate(node, "$.body");
        if (!errors.isEmpty()) {
            throw EdgeRefusal.invalid(errors);
        }
        RdEvent event = RdJson.event(node);
        log.events(List.of(event));
        IdempotencyClaim claim = claim(idempotencyKey);
        if (claim.earlierAnswer() != null) {
            return claim.earlierAnswer();
        }
        String key = claim.key();
        RdOutcome outcome = gateway.send(event);
        if (outcome instanceof RdOutcome.Accepted accepted) {
            log.outcome("delivered", outcome.attempts());
            complete(key, accepted.body());
            return Response.ok(accepted.body(), MediaType.APPLICATION_JSON_TYPE).build();
        }
        release(key);
        throw refusal(outcome);
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response batch(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, byte[] body) {
        JsonNode node = bodies.json(contentType, body);
        if (!node.isArray() || node.isEmpty()) {
            throw EdgeRefusal.invalid(List.of(RdError.of("INVALID_FORMAT",
                    "Must be a non-empty array of events.", "$.body")));
        }
        List<RdError> errors = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            errors.addAll(EventValidator.validate(node.get(i), "$.body[" + i + "]"));
        }
        if (!errors.isEmpty()) {
            throw EdgeRefusal.invalid(errors);
        }
        List<RdEvent> events = new ArrayList<>();
        node.forEach(e -> events.add(RdJson.event(e)));
        for (int i = 0; i < events.size(); i++) {
            if (!delivery.fitsInBatch(events.get(i))) {
                errors.add(RdError.of("PAYLOAD_TOO_LARGE", "This event alone exceeds RD's 0.2 MB batch limit;"
                        + " send it to /events instead.", "$.body[" + i + "]"));
            }
        }
        if (!errors.isEmpty()) {
            throw EdgeRefusal.invalid(errors);
        }
        log.events(events);
        IdempotencyClaim claim = claim(idempotencyKey);
        if (claim.earlierAnswer() != null) {
            return claim.earlierAnswer();
        }
        String key = claim.key();
        BatchResult result = delivery.sendBatch(events);
        if (result.complete()) {
            log.outcome("delivered", result.attempts());
            ObjectNode answer = result.answer();
            complete(key, answer);
            return Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).build();
        }
        // Part of it may be in RD; a retry under the same key must be able to send the rest.
        release(key);
        EdgeRefusal refusal = refusal(result.failure());
        if (result.delivered() == 0) {
            throw refusal;
        }
        List<RdError> partial = new ArrayList<>(refusal.errors().errors());
        partial.add(RdError.of("PARTIALLY_DELIVERED", "The first " + result.delivered() + " of " + events.size()
                + " events reached RD (event uuids " + result.eventUuids() + "); the events from here on did not.",
                "$.body[" + result.delivered() + "]"));
        log.outcome("partially delivered", result.attempts());
        throw new EdgeRefusal(refusal.status(), new RdErrors(partial));
    }

    /**
     * Claims the request's Idempotency-Key. A request already delivered under it is answered
     * with RD's original answer, marked {@code Idempotent-Replayed: true}; one still in flight
     * with 409, so that a retry comes back once it is done.
     */
    private IdempotencyClaim claim(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return new IdempotencyClaim(null, null);
        }
        String key = "events:" + idempotencyKey.trim();
        DedupeStore.Claim claim = dedupe.claim(key);
        if (claim.won()) {
            return new IdempotencyClaim(key, null);
        }
        if (claim.inProgress()) {
            log.outcome("duplicate in progress", 0);
            throw EdgeRefusal.of(409, "DUPLICATE_IN_PROGRESS",
                    "A request with this Idempotency-Key is being delivered; retry in a few seconds.");
        }
        log.outcome("duplicate", 0);
        return new IdempotencyClaim(null, Response.ok(claim.result(), MediaType.APPLICATION_JSON_TYPE)
                .header("Idempotent-Replayed", "true").build());
    }

    /** The key this request now holds, or the answer RD gave the first request under it. */
    private record IdempotencyClaim(String key, Response earlierAnswer) {
    }

    private void complete(String key, JsonNode answer) {
        if (key != null) {
            dedupe.complete(key, answer.toString());
        }
    }

    private void release(String key) {
        if (key != null) {
            dedupe.release(key);
        }
    }

    /** How the edge answers an RD outcome that is not a success. */
    private EdgeRefusal refusal(RdOutcome outcome) {
        if (outcome instanceof RdOutcome.Rejected rejected) {
            log.outcome("rejected by RD", outcome.attempts());
            return new EdgeRefusal(rejected.status(), rejected.errors());
        }
        if (outcome instanceof RdOutcome.CredentialsRefused refused) {
            log.outcome("credentials refused", outcome.attempts());
            return EdgeRefusal.of(502, "RD_CREDENTIALS_REFUSED", refused.message());
        }
        if (outcome instanceof RdOutcome.Unavailable unavailable) {
            log.outcome("RD unavailable", outcome.attempts());
            return EdgeRefusal.of(503, "RD_UNAVAILABLE",
                    "RD did not accept the request: " + unavailable.reason() + ". Nothing was delivered; try again.");
        }
        throw new IllegalStateException("not a refusal: " + outcome);
    }
}
