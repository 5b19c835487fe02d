package dev.ponte.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponte.rd.RdError;
import dev.ponte.rd.events.RdJson;
import dev.ponte.webhook.EdgeRefusal;
import dev.ponte.webhook.Masking;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * The operator's view of what is not delivered yet: each dead letter with its cause, attempts
 * and next automatic attempt (or that it waits for them, or gave up), and the way to deliver
 * it now; one letter with its stored request, and discarding one. As in the journal of deliveries,
 * the events' emails and phone numbers are masked, and the request's body and query (which name
 * contacts in ways no field list foresees) left out, unless {@code reveal=true}. Behind
 * {@code PONTE_API_TOKEN}, like everything under {@code /admin}.
 */
@Path("/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operators")
@SecurityRequirement(name = "apiToken")
public class DeadLettersResource {

    private static final int MAX_LIST = 500;
    private static final Logger DISCARDS = Logger.getLogger("ponte.dead-letters");

    @Inject
    DeadLetters letters;

    @Inject
    Redelivery redelivery;

    @GET
    @Operation(summary = "List the dead letters: cause, reason, attempts, next automatic attempt, events")
    public ArrayNode list(@QueryParam("limit") Integer limit, @QueryParam("reveal") boolean reveal) {
        int max = limit == null ? MAX_LIST : Math.max(1, Math.min(limit, MAX_LIST));
        ArrayNode list = RdJson.mapper().createArrayNode();
        for (DeadLetter letter : letters.list(max)) {
            row(list.addObject(), letter, reveal);
        }
        return list;
    }

    /** One letter: what the list shows, and the request as it arrived (credentials left out), to see why. */
    @GET
    @Path("/{id}")
    @Operation(summary = "One dead letter, with the request as it arrived (credentials left out; its body and query with ?reveal=true)")
    public ObjectNode one(@PathParam("id") String id, @QueryParam("reveal") boolean reveal) {
        DeadLetter letter = letters.get(id).orElseThrow(() -> new NotFoundException("No dead letter " + id + "."));
        ObjectNode row = row(RdJson.mapper().createObjectNode(), letter, reveal);
        DeadLetter.StoredRequest request = letter.delivery().request();
        if (request != null) {
            ObjectNode raw = row.putObject("request").put("path", request.path());
            ObjectNode headers = raw.putObject("headers");
            request.headers().forEach(headers::put);
            if (reveal) {
                byte[] body = request.bodyBase64() == null ? null : Base64.getDecoder().decode(request.bodyBase64());
                raw.put("query", request.query()).put("body", body == null ? null : new String(body, StandardCharsets.UTF_8));
            } else {
                raw.put("hidden", "The body and query name contacts: ?reveal=true shows them.");
            }
        }
        return row;
    }

    /**
     * Gives a letter up for good: nothing retries it. An operator says why ({@code reason}) and,
     * where several share the token, who ({@code by}); both are logged with what was discarded.
     * The delivery's key keeps its state: a letter parked on a failure is tried again if the
     * vendor sends it again, and one maybe delivered stays answered as a copy.
     */
    @DELETE
    @Path("/{id}")
    @Operation(summary = "Discard a dead letter for good, saying why (?reason=) and who (?by=); both are logged")
    public ObjectNode discard(@PathParam("id") String id, @QueryParam("reason") String reason, @QueryParam("by") String by) {
        if (reason == null || reason.isBlank()) {
            throw EdgeRefusal.invalid(List.of(RdError.of("CANNOT_BE_BLANK",
                    "Say why the dead letter is discarded: ?reason=… (and ?by=… who discards it); both are logged.",
                    "$.query.reason")));
        }
        DeadLetter letter = letters.get(id).orElseThrow(() -> new NotFoundException("No dead letter " + id + "."));
        letters.remove(id);
        String who = by == null || by.isBlank() ? "the API token's holder" : by.strip();
        DISCARDS.info(RdJson.mapper().createObjectNode().put("dead_letter", id).put("discarded", true)
                .put("by", who).put("reason", reason.strip()).put("vendor", letter.delivery().source())
                .put("delivery_id", letter.delivery().deliveryId())
                .put("cause", letter.cause().name().toLowerCase(Locale.ROOT)).put("attempts", letter.attempts()).toString());
        return RdJson.mapper().createObjectNode().put("id", id).put("outcome", "discarded").put("by", who)
                .put("reason", reason.strip());
    }

    private static ObjectNode row(ObjectNode row, DeadLetter letter, boolean reveal) {
        StoredDelivery delivery = letter.delivery();
        row.put("id", letter.id())
                .put("vendor", delivery.source())
                .put("delivery_id", delivery.deliveryId())
                .put("status", letter.status())
                .put("cause", letter.cause().name().toLowerCase(Locale.ROOT))
                .put("reason", letter.reason())
                .put("attempts", letter.attempts())
                .put("parked_at", letter.parkedAt())
                .put("last_attempt_at", letter.lastAttemptAt())
                .put("next_attempt_at", letter.nextAttemptAt());
        ArrayNode events = RdJson.mapper().createArrayNode();
        for (JsonNode event : delivery.events()) {
            events.add(event);
        }
        row.set("events", reveal ? events : Masking.events(events));
        return row;
    }

    /** Replays every dead letter now, oldest first, probing RD even if its circuit is open. */
    @POST
    @Path("/replay")
    @Operation(summary = "Replay every dead letter now")
    public ObjectNode replayAll() {
        Map<Redelivery.Outcome, Integer> counts = redelivery.replayAll(MAX_LIST);
        ObjectNode answer = RdJson.mapper().createObjectNode();
        counts.forEach((outcome, count) -> answer.put(Redelivery.name(outcome), count));
        return answer;
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Replay one dead letter now")
    public ObjectNode replayOne(@PathParam("id") String id) {
        Redelivery.Outcome outcome = redelivery.replay(id)
                .orElseThrow(() -> new NotFoundException("No dead letter " + id + "."));
        ObjectNode answer = RdJson.mapper().createObjectNode().put("id", id).put("outcome", Redelivery.name(outcome));
        if (outcome == Redelivery.Outcome.STILL_FAILING) {
            letters.get(id).ifPresent(after -> answer.put("reason", after.reason())
                    .put("next_attempt_at", after.nextAttemptAt()));
        }
        return answer;
    }
}
