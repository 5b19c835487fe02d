package dev.ponte.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponte.delivery.Cause;
import dev.ponte.delivery.Delivery;
import dev.ponte.delivery.DeliverySink;
import dev.ponte.delivery.Intake;
import dev.ponte.delivery.Origin;
import dev.ponte.delivery.Receipt;
import dev.ponte.rd.RdBatches;
import dev.ponte.rd.RdConfig;
import dev.ponte.rd.RdError;
import dev.ponte.rd.RdErrors;
import dev.ponte.rd.RdOutcome;
import dev.ponte.rd.events.RdEvent;
import dev.ponte.rd.events.RdJson;
import dev.ponte.rd.validation.EventValidator;
import io.smallrye.common.annotation.Blocking;
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
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * RD's Events API, passed through: the same request and response shapes as
 * {@code /platform/events} and {@code /platform/events/batch}, validated before anything is sent,
 * and delivered through the same intake as every webhook. When RD answers within the budget the
 * caller gets RD's answer; otherwise it hears where its events are (queued, in flight, or parked
 * for automatic redelivery), and never that nothing was delivered when RD may have them.
 */
@Path("/events")
@Tag(name = "Events API")
@SecurityRequirement(name = "apiToken")
public class EventsResource {

    /** Makes a retried request safe: the same key within the dedupe TTL is delivered once. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String SOURCE = "events";

    @Inject
    RequestBodies bodies;

    @Inject
    Intake intake;

    @Inject
    RdConfig rd;

    @Inject
    EdgeLogEntry log;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Deliver one RD event", description = "Validated as RD validates it, then delivered once per"
            + " Idempotency-Key. The answer is RD's own, or what Ponte did while RD could not take it.")
    @APIResponse(responseCode = "200", description = "RD accepted it: RD's answer ({\"event_uuid\": ...})")
    @APIResponse(responseCode = "202", description = "Queued, still in flight, or parked for redelivery")
    @APIResponse(responseCode = "400", ref = PonteApi.INVALID)
    @APIResponse(responseCode = "401", ref = PonteApi.UNPROVEN)
    @APIResponse(responseCode = "409", description = "The same Idempotency-Key is being delivered right now")
    @APIResponse(responseCode = "503", ref = PonteApi.SEND_AGAIN)
    @Blocking
    public CompletionStage<Response> event(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, byte[] body) {
        JsonNode node = bodies.json(contentType, body);
        List<RdError> errors = EventValidator.validate(node, "$.body");
        if (!errors.isEmpty()) {
            throw EdgeRefusal.invalid(errors);
        }
        RdEvent event = RdJson.event(node);
        log.events(List.of(event));
        return deliver(delivery(idempotencyKey, List.of(event), false));
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Deliver RD events as one batch", description = "Each event validated; all delivered together"
            + " (RD's batch endpoint, 0.2 MB at most per call) once per Idempotency-Key.")
    @APIResponse(responseCode = "200", description = "RD accepted them: RD's answer, one event_uuid per event in order")
    @APIResponse(responseCode = "202", description = "Queued, still in flight, or parked for redelivery")
    @APIResponse(responseCode = "400", ref = PonteApi.INVALID)
    @APIResponse(responseCode = "401", ref = PonteApi.UNPROVEN)
    @APIResponse(responseCode = "503", ref = PonteApi.SEND_AGAIN)
    @Blocking
    public CompletionStage<Response> batch(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
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
            if (RdBatches.bytes(RdJson.string(events.get(i))) + 2 > rd.batchMaxBytes()) {
                errors.add(RdError.of("PAYLOAD_TOO_LARGE", "This event alone exceeds RD's 0.2 MB batch limit;"
                        + " send it to /events instead.", "$.body[" + i + "]"));
            }
        }
        if (!errors.isEmpty()) {
            throw EdgeRefusal.invalid(errors);
        }
        log.events(events);
        return deliver(delivery(idempotencyKey, events, true));
    }

    private static Delivery delivery(String idempotencyKey, List<RdEvent> events, boolean batch) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim();
        return Delivery.builder().source(SOURCE).deliveryId(key).events(events).batch(batch).origin(Origin.API).build();
    }

    /** Answered when RD's answer comes, with no thread waiting for it (see {@link LaterAnswers}). */
    private CompletionStage<Response> deliver(Delivery delivery) {
        EdgeLogEntry entry = LaterAnswers.entryOf(log);
        return LaterAnswers.unwrapped(intake.acceptWithoutWaiting(List.of(delivery), DeliverySink.Urgency.ANSWERING)
                .thenApply(receipts -> answer(receipts.get(0), entry)));
    }

    /** How the edge answers what became of the delivery. {@code log}: this request's entry. */
    private static Response answer(Receipt receipt, EdgeLogEntry log) {
        log.receipts(List.of(receipt));
        String id = receipt.delivery().deliveryId();
        if (receipt instanceof Receipt.Delivered delivered) {
            log.outcome("delivered", delivered.attempts());
            return Response.ok(delivered.answer(), MediaType.APPLICATION_JSON_TYPE).build();
        }
        if (receipt instanceof Receipt.Duplicate duplicate) {
            log.outcome("duplicate", 0);
            JsonNode earlier = duplicate.earlierAnswer() == null ? RdJson.mapper().createObjectNode()
                    : RdJson.parseText(duplicate.earlierAnswer());
            boolean queued = earlier.path("outcome").asText().equals("queued");
            return Response.status(queued ? 202 : 200).entity(earlier).type(MediaType.APPLICATION_JSON_TYPE)
                    .header("Idempotent-Replayed", "true").build();
        }
        if (receipt instanceof Receipt.InProgress) {
            log.outcome("duplicate in progress", 0);
            throw EdgeRefusal.of(409, "DUPLICATE_IN_PROGRESS",
                    "A request with this Idempotency-Key is being delivered; retry in a few seconds.");
        }
        if (receipt instanceof Receipt.Queued) {
            log.outcome("queued", 0);
            return Response.accepted(outcome("queued", id)).build();
        }
        if (receipt instanceof Receipt.InFlight inFlight) {
            log.outcome("in_flight", inFlight.attempts());
            return Response.accepted(outcome("in_flight", id).put("message", "RD has not answered yet; Ponte records its"
                    + " answer when it comes, and parks the events for redelivery if RD refuses or fails them.")).build();
        }
        if (receipt instanceof Receipt.Parked parked) {
            log.outcome("parked", parked.letter().attempts());
            ObjectNode answer = outcome("parked", id).put("dead_letter", parked.letter().id())
                    .put("reason", parked.letter().reason())
                    .put("next_attempt_at", parked.letter().nextAttemptAt())
                    .put("maybe_delivered", parked.letter().cause() == Cause.MAYBE_DELIVERED);
            if (parked.deliveredAnswer() != null) {
                answer.set("delivered", parked.deliveredAnswer());
            }
            return Response.accepted(answer).build();
        }
        if (receipt instanceof Receipt.Refused refused) {
            if (refused.outcome() instanceof RdOutcome.Rejected rejected) {
                log.outcome("rejected by RD", rejected.attempts());
                throw new EdgeRefusal(rejected.status(), rejected.errors());
            }
            RdOutcome.CredentialsRefused credentials = (RdOutcome.CredentialsRefused) refused.outcome();
            log.outcome("credentials refused", credentials.attempts());
            throw EdgeRefusal.of(502, "RD_CREDENTIALS_REFUSED", credentials.message());
        }
        Receipt.Failed failed = (Receipt.Failed) receipt;
        log.outcome("failed", 0);
        throw new EdgeRefusal(503, RdErrors.of("NOT_DELIVERED", failed.reason()));
    }

    private static ObjectNode outcome(String outcome, String deliveryId) {
        return RdJson.mapper().createObjectNode().put("outcome", outcome).put("delivery_id", deliveryId);
    }
}
