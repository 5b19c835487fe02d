package dev.ponte.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponte.delivery.DeadLetter;
import dev.ponte.delivery.Deliveries;
import dev.ponte.delivery.Delivery;
import dev.ponte.delivery.Receipt;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /webhooks/<vendor>}: the URL users paste into each vendor. Verifies, maps and hands
 * the events to delivery; answers the vendor the way vendors need answering: 2xx once the events
 * are delivered, queued or parked, 401 for a forged delivery, 503 only when nothing could be kept.
 */
@Path("/webhooks/{vendor}")
public class WebhooksResource {

    @Inject
    MapperRegistry mappers;

    @Inject
    RequestBodies bodies;

    @Inject
    Deliveries deliveries;

    @Inject
    EdgeLogEntry log;

    @Inject
    Clock clock;

    @Inject
    EdgeConfig edge;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@PathParam("vendor") String vendor, @Context HttpHeaders headers, @Context UriInfo uri,
            byte[] body) {
        VendorMapper mapper = mappers.find(vendor).orElseThrow(() -> EdgeRefusal.of(404, "RESOURCE_NOT_FOUND",
                "Ponte has no mapper for '" + vendor + "'. Known vendors: " + String.join(", ", mappers.vendors()) + "."));
        bodies.limit(body);
        Map<String, String> firstValues = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> firstValues.put(name, values.isEmpty() ? "" : values.get(0)));
        String query = uri.getRequestUri().getRawQuery();
        String called = edge.publicUrl().filter(u -> !u.isBlank())
                .map(base -> stripSlash(base) + uri.getPath() + (query == null ? "" : "?" + query))
                .orElse(uri.getRequestUri().toString());
        Webhook webhook = new Webhook(vendor, uri.getPath(), query, firstValues, uri.getQueryParameters(), body,
                clock.instant(), called);

        Verification verification = mapper.verify(webhook);
        if (!verification.genuine()) {
            log.outcome("forged", 0);
            throw EdgeRefusal.of(401, "INVALID_SIGNATURE", verification.problem());
        }
        Optional<String> known = mapper.deliveryIdBeforeMapping(webhook);
        if (known.isPresent() && deliveries.alreadyDelivered(vendor, known.get())) {
            log.webhook(null, known.get());
            log.outcome("duplicate", 0);
            return Response.ok(answer("duplicate")).build();
        }
        MappingResult result;
        try {
            result = mapper.map(webhook);
        } catch (MalformedPayload e) {
            log.outcome("malformed", 0);
            throw new EdgeRefusal(400, RdErrors.of(RdError.of("INVALID_FORMAT", e.getMessage(), e.path())));
        } catch (VendorApiUnavailable e) {
            log.outcome("vendor API unavailable", 0);
            throw EdgeRefusal.of(503, "VENDOR_API_UNAVAILABLE", e.getMessage() + " Send the webhook again.");
        }
        if (result instanceof MappingResult.Reply reply) {
            log.webhook(reply.topic(), null);
            log.outcome("answered", 0);
            return Response.status(reply.status()).type(reply.contentType()).entity(reply.body()).build();
        }
        if (result instanceof MappingResult.Unresolved unresolved) {
            log.webhook(unresolved.topic(), unresolved.deliveryId());
            return respond(deliveries.parkUnmapped(new Delivery(vendor, unresolved.deliveryId(), List.of(),
                    DeadLetter.StoredRequest.of(webhook.path(), query, webhook.headers(), body)), unresolved.reason()), 0);
        }
        if (result instanceof MappingResult.Ignored ignored) {
            log.webhook(ignored.topic(), null);
            log.outcome("ignored", 0);
            return Response.ok(answer("ignored").put("topic", ignored.topic()).put("why", ignored.why())).build();
        }
        List<MappingResult.Mapped> parts = result instanceof MappingResult.Several several
                ? several.deliveries() : List.of((MappingResult.Mapped) result);
        String topic = result instanceof MappingResult.Several several ? several.topic() : parts.get(0).topic();
        log.webhook(topic, parts.stream().map(MappingResult.Mapped::deliveryId).filter(java.util.Objects::nonNull)
                .reduce((a, b) -> a + "," + b).orElse(null));
        log.events(parts.stream().flatMap(p -> p.events().stream()).toList());
        DeadLetter.StoredRequest request = DeadLetter.StoredRequest.of(webhook.path(), webhook.query(), webhook.headers(), body);
        Response answer = null;
        for (MappingResult.Mapped part : parts) {
            if (part.events().isEmpty()) {
                continue;
            }
            // A part that cannot be kept ends the request with 503; those already delivered are
            // deduplicated when the vendor retries, so only what is missing is sent again.
            answer = respond(deliveries.deliver(new Delivery(vendor, part.deliveryId(), part.events(), request)),
                    part.events().size(), answer);
        }
        if (answer == null) {
            log.outcome("nothing to send", 0);
            return Response.ok(answer("nothing to send").put("topic", topic)).build();
        }
        return answer;
    }

    /** The answer for one more delivered part: the weakest outcome wins (parked over queued over delivered). */
    private Response respond(Receipt receipt, int events, Response earlier) {
        Response now = respond(receipt, events);
        if (earlier == null || rank(now) > rank(earlier)) {
            return now;
        }
        return earlier;
    }

    private static int rank(Response response) {
        String outcome = ((ObjectNode) response.getEntity()).path("outcome").asText();
        return switch (outcome) {
            case "parked" -> 3;
            case "queued" -> 2;
            case "delivered" -> 1;
            default -> 0;
        };
    }

    private Response respond(Receipt receipt, int events) {
        if (receipt instanceof Receipt.Delivered delivered) {
            log.outcome("delivered", delivered.attempts());
            return Response.ok(answer("delivered").put("events", events)).build();
        }
        if (receipt instanceof Receipt.Queued queued) {
            log.outcome("queued", 0);
            return Response.accepted(answer("queued").put("events", events)).build();
        }
        if (receipt instanceof Receipt.Duplicate duplicate) {
            log.outcome(duplicate.inProgress() ? "duplicate in progress" : "duplicate", 0);
            return Response.ok(answer("duplicate")).build();
        }
        if (receipt instanceof Receipt.Parked parked) {
            log.outcome("parked", parked.attempts());
            return Response.ok(answer("parked").put("dead_letter", parked.deadLetterId())
                    .put("reason", parked.reason())).build();
        }
        Receipt.Failed failed = (Receipt.Failed) receipt;
        log.outcome("failed", 0);
        throw EdgeRefusal.of(503, "NOT_DELIVERED", failed.reason() + " Send it again.");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static ObjectNode answer(String outcome) {
        return RdJson.mapper().createObjectNode().put("outcome", outcome);
    }
}
