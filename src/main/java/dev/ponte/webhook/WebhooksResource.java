package dev.ponte.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponte.delivery.Cause;
import dev.ponte.delivery.Claims;
import dev.ponte.delivery.DeadLetter;
import dev.ponte.delivery.Delivery;
import dev.ponte.delivery.DeliverySink;
import dev.ponte.delivery.Intake;
import dev.ponte.delivery.Origin;
import dev.ponte.delivery.Receipt;
import dev.ponte.delivery.ReplayGuard;
import dev.ponte.delivery.Timers;
import dev.ponte.mapping.Deferred;
import dev.ponte.mapping.MalformedPayload;
import dev.ponte.mapping.MapperRegistry;
import dev.ponte.mapping.MappingResult;
import dev.ponte.mapping.VendorApiUnavailable;
import dev.ponte.mapping.VendorMapper;
import dev.ponte.mapping.Verification;
import dev.ponte.mapping.Webhook;
import dev.ponte.rd.RdError;
import dev.ponte.rd.RdErrors;
import dev.ponte.rd.events.RdJson;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /webhooks/<vendor>}: the URL users paste into each vendor. Verifies, maps and hands
 * the deliveries to the intake; answers the vendor the way vendors need answering: 2xx once the
 * events are delivered, queued, in flight or parked, 401 for a forged delivery, 503 only when
 * nothing could be kept.
 */
@Path("/webhooks/{vendor}")
@Tag(name = "Webhooks")
public class WebhooksResource {

    @Inject
    MapperRegistry mappers;

    @Inject
    RequestBodies bodies;

    @Inject
    WebhookMapping mapping;

    @Inject
    Intake intake;

    @Inject
    Claims claims;

    @Inject
    ReplayGuard replays;

    @Inject
    Timers timers;

    @Inject
    Clock clock;

    @Inject
    EdgeLogEntry log;

    @POST
    @Operation(summary = "Receive a vendor's webhook", description = "Verified as the vendor signs it, mapped to RD"
            + " events and delivered once. Anything RD can never accept is acknowledged and kept as a dead letter;"
            + " topics Ponte does not map are acknowledged as ignored.")
    @APIResponse(responseCode = "200", description = "Delivered, parked, ignored, a duplicate, or the reply the vendor expects")
    @APIResponse(responseCode = "202", description = "Queued, or still in flight at RD")
    @APIResponse(responseCode = "400", ref = PonteApi.INVALID)
    @APIResponse(responseCode = "401", ref = PonteApi.UNPROVEN)
    @APIResponse(responseCode = "404", ref = PonteApi.UNKNOWN)
    @APIResponse(responseCode = "503", ref = PonteApi.SEND_AGAIN)
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    public CompletionStage<Response> receive(@PathParam("vendor") String vendor, @Context HttpHeaders headers,
            @Context UriInfo uri, byte[] body) {
        Prepared prepared = prepare(vendor, headers, uri, body);
        if (prepared instanceof AtOnce atOnce) {
            return CompletableFuture.completedFuture(atOnce.response());
        }
        ToDeliver toDeliver = (ToDeliver) prepared;
        EdgeLogEntry entry = LaterAnswers.entryOf(log);
        // A part that cannot be kept ends the request with 503; those already delivered are
        // deduplicated when the vendor retries, so only what is missing is sent again.
        return LaterAnswers.unwrapped(intake.acceptWithoutWaiting(toDeliver.deliveries(), DeliverySink.Urgency.ANSWERING)
                .thenApply(receipts -> {
                    Response response = respond(receipts, entry);
                    if (toDeliver.scheduled().isPresent() && response.getEntity() instanceof ObjectNode answer) {
                        answer.put("scheduled_at", toDeliver.scheduled().get().toString());
                    }
                    return response;
                }));
    }

    /** What a webhook comes to before anything is sent: an answer at once, or deliveries to hand on. */
    private sealed interface Prepared {
    }

    private record AtOnce(Response response) implements Prepared {
    }

    private record ToDeliver(List<Delivery> deliveries, Optional<Instant> scheduled) implements Prepared {
    }

    private Prepared prepare(String vendor, HttpHeaders headers, UriInfo uri, byte[] body) {
        VendorMapper mapper = mappers.find(vendor).orElseThrow(() -> EdgeRefusal.of(404, "RESOURCE_NOT_FOUND",
                "Ponte has no mapper for '" + vendor + "'. Known vendors: " + String.join(", ", mappers.vendors()) + "."));
        List<String> unset = mappers.missingSettings(vendor);
        if (!unset.isEmpty()) {
            log.outcome("not configured", 0);
            throw EdgeRefusal.of(503, "VENDOR_NOT_CONFIGURED", "Ponte cannot receive " + vendor + " webhooks until "
                    + String.join(" and ", unset) + (unset.size() > 1 ? " are" : " is")
                    + " set; the vendor sends this webhook again, so nothing is lost.");
        }
        bodies.limit(body);
        // A header's values, joined as HTTP joins repeated fields: some servers split a value at its
        // commas (Stripe's "t=...,v1=..."), and a signature must see it whole.
        Map<String, String> firstValues = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> firstValues.put(name, String.join(",", values)));
        String query = uri.getRequestUri().getRawQuery();
        Webhook webhook = mapping.webhook(vendor, uri.getPath(), query, firstValues, uri.getQueryParameters(), body,
                uri.getRequestUri().toString());

        Verification verification;
        try {
            verification = mapper.verify(webhook);
        } catch (MalformedPayload e) {
            log.outcome("malformed", 0);
            throw new EdgeRefusal(400, RdErrors.of(RdError.of("INVALID_FORMAT", e.getMessage(), e.path())));
        }
        if (!verification.genuine()) {
            log.outcome("forged", 0);
            throw EdgeRefusal.of(401, "INVALID_SIGNATURE", verification.problem());
        }
        Optional<String> known = knownDeliveryId(mapper, webhook);
        if (known.isPresent() && claims.alreadyDelivered(vendor, known.get())) {
            log.webhook(null, known.get());
            log.outcome("duplicate", 0);
            return new AtOnce(Response.ok(answer("duplicate")).build());
        }
        MappingResult result;
        DeadLetter.StoredRequest request = DeadLetter.StoredRequest.of(webhook.path(), query, webhook.headers(), body,
                mapper.credentials());
        try {
            result = mapper.map(webhook);
        } catch (MalformedPayload e) {
            log.outcome("malformed", 0);
            throw new EdgeRefusal(400, RdErrors.of(RdError.of("INVALID_FORMAT", e.getMessage(), e.path())));
        } catch (VendorApiUnavailable e) {
            log.outcome("vendor API unavailable", 0);
            throw EdgeRefusal.of(503, "VENDOR_API_UNAVAILABLE", e.getMessage() + " Send the webhook again.");
        } catch (RuntimeException e) {
            // Genuine, yet no mapper rule covers it: kept with its request for the operator rather than
            // answered 5xx, which the vendor would retry until it disables the webhook.
            Log.errorf(e, "%s webhook could not be mapped; parked for the operator", vendor);
            Delivery delivery = Delivery.builder().source(vendor).origin(Origin.WEBHOOK).request(request).build();
            return new AtOnce(respond(List.of(intake.park(delivery, Cause.UNMAPPABLE, "Ponte could not map this " + vendor
                    + " webhook; it is kept so that it can be replayed once the mapping handles it.", null)), log));
        }
        if (result instanceof MappingResult.Reply reply) {
            log.webhook(reply.topic(), null);
            log.outcome("answered", 0);
            return new AtOnce(Response.status(reply.status()).type(reply.contentType()).entity(reply.body()).build());
        }
        if (result instanceof MappingResult.Ignored ignored) {
            log.webhook(ignored.topic(), null);
            log.outcome("ignored", 0);
            return new AtOnce(Response.ok(answer("ignored").put("topic", ignored.topic()).put("why", ignored.why())).build());
        }
        if (result instanceof MappingResult.Unresolved unresolved) {
            log.webhook(unresolved.topic(), unresolved.deliveryId());
            Delivery delivery = Delivery.builder().source(vendor).topic(unresolved.topic()).deliveryId(unresolved.deliveryId())
                    .origin(Origin.WEBHOOK).request(request).build();
            if (replays.isReplay(vendor, unresolved.topic(), body, delivery.key())) {
                return new AtOnce(replayed());
            }
            return new AtOnce(respond(List.of(intake.park(delivery, Cause.NO_CONTACT, unresolved.reason(), unresolved.waitingFor())), log));
        }
        List<Delivery> deliveries = WebhookMapping.deliveries(vendor, result, request);
        String topic = result instanceof MappingResult.Several several ? several.topic()
                : ((MappingResult.Mapped) result).topic();
        log.webhook(topic, deliveries.stream().map(Delivery::deliveryId).filter(Objects::nonNull)
                .reduce((a, b) -> a + "," + b).orElse(null));
        log.events(deliveries.stream().flatMap(d -> d.events().stream()).toList());
        List<Deferred> deferred = WebhookMapping.deferred(result);
        if (deliveries.isEmpty() && deferred.isEmpty()) {
            log.outcome("nothing to send", 0);
            return new AtOnce(Response.ok(answer("nothing to send").put("topic", topic)).build());
        }
        String keys = String.join(",", deliveries.stream().map(Delivery::key).toList());
        if (replays.isReplay(vendor, topic, body, keys.isEmpty() ? topic : keys)) {
            return new AtOnce(replayed());
        }
        Optional<Instant> scheduled = timers.apply(vendor, topic, deferred, request, clock.instant());
        if (deliveries.isEmpty()) {
            log.outcome(scheduled.isPresent() ? "scheduled" : "nothing to send", 0);
            ObjectNode answer = answer(scheduled.isPresent() ? "scheduled" : "nothing to send").put("topic", topic);
            scheduled.ifPresent(at -> answer.put("scheduled_at", at.toString()));
            return new AtOnce(Response.ok(answer).build());
        }
        return new ToDeliver(deliveries, scheduled);
    }

    /** Acknowledged, so the sender stops, and not delivered: RD had these events the first time. */
    private Response replayed() {
        log.outcome("replay", 0);
        return Response.ok(answer("duplicate").put("why", "This signed body was already delivered under another"
                + " delivery id; a copy is not delivered again.")).build();
    }

    /** A hint only: a body too broken to name its delivery is left for {@link VendorMapper#map} to describe. */
    private static Optional<String> knownDeliveryId(VendorMapper mapper, Webhook webhook) {
        try {
            return mapper.deliveryIdBeforeMapping(webhook);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * One answer for all parts: the weakest outcome wins (parked over in flight over queued over
     * delivered). {@code log}: this request's entry (it may be answered off the request's thread).
     */
    private static Response respond(List<Receipt> receipts, EdgeLogEntry log) {
        log.receipts(receipts);
        Receipt weakest = receipts.get(0);
        for (Receipt receipt : receipts) {
            if (rank(receipt) > rank(weakest)) {
                weakest = receipt;
            }
        }
        int events = receipts.stream().mapToInt(r -> r.delivery().events().size()).sum();
        if (weakest instanceof Receipt.Failed failed) {
            log.outcome("failed", 0);
            throw EdgeRefusal.of(503, "NOT_DELIVERED", failed.reason() + " Send it again.");
        }
        if (weakest instanceof Receipt.Parked parked) {
            log.outcome("parked", parked.letter().attempts());
            return Response.ok(answer("parked").put("dead_letter", parked.letter().id())
                    .put("reason", parked.letter().reason()).put("next_attempt_at", parked.letter().nextAttemptAt())).build();
        }
        if (weakest instanceof Receipt.InFlight inFlight) {
            log.outcome("in_flight", inFlight.attempts());
            return Response.accepted(answer("in_flight").put("events", events)).build();
        }
        if (weakest instanceof Receipt.Queued) {
            log.outcome("queued", 0);
            return Response.accepted(answer("queued").put("events", events)).build();
        }
        if (weakest instanceof Receipt.Delivered delivered) {
            log.outcome("delivered", delivered.attempts());
            return Response.ok(answer("delivered").put("events", events)).build();
        }
        log.outcome(weakest instanceof Receipt.InProgress ? "duplicate in progress" : "duplicate", 0);
        return Response.ok(answer("duplicate")).build();
    }

    private static int rank(Receipt receipt) {
        if (receipt instanceof Receipt.Failed) {
            return 6;
        }
        if (receipt instanceof Receipt.Parked || receipt instanceof Receipt.Refused) {
            return 5;
        }
        if (receipt instanceof Receipt.InFlight) {
            return 4;
        }
        if (receipt instanceof Receipt.Queued) {
            return 3;
        }
        if (receipt instanceof Receipt.Delivered) {
            return 2;
        }
        return 1;
    }

    private static ObjectNode answer(String outcome) {
        return RdJson.mapper().createObjectNode().put("outcome", outcome);
    }
}
