package dev.ponte.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponte.rd.events.RdJson;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * The operator's view of what is not delivered yet: each dead letter with its cause, attempts
 * and next automatic attempt (or that it waits for them, or gave up), and the way to deliver
 * it now. Behind {@code PONTE_API_TOKEN}, like everything under {@code /admin}.
 */
@Path("/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLettersResource {

    private static final int MAX_LIST = 500;

    @Inject
    DeadLetters letters;

    @Inject
    Redelivery redelivery;

    @GET
    public ArrayNode list(@QueryParam("limit") Integer limit) {
        int max = limit == null ? MAX_LIST : Math.max(1, Math.min(limit, MAX_LIST));
        ArrayNode list = RdJson.mapper().createArrayNode();
        for (DeadLetter letter : letters.list(max)) {
            StoredDelivery delivery = letter.delivery();
            ObjectNode row = list.addObject()
                    .put("id", letter.id())
                    .put("vendor", delivery.source())
                    .put("delivery_id", delivery.deliveryId())
                    .put("status", letter.status())
                    .put("cause", letter.cause().name().toLowerCase(java.util.Locale.ROOT))
                    .put("reason", letter.reason())
                    .put("attempts", letter.attempts())
                    .put("parked_at", letter.parkedAt())
                    .put("last_attempt_at", letter.lastAttemptAt())
                    .put("next_attempt_at", letter.nextAttemptAt());
            ArrayNode events = row.putArray("events");
            for (JsonNode event : delivery.events()) {
                events.add(event);
            }
        }
        return list;
    }

    /** Replays every dead letter now, oldest first, probing RD even if its circuit is open. */
    @POST
    @Path("/replay")
    public ObjectNode replayAll() {
        Map<Redelivery.Outcome, Integer> counts = redelivery.replayAll(MAX_LIST);
        ObjectNode answer = RdJson.mapper().createObjectNode();
        counts.forEach((outcome, count) -> answer.put(Redelivery.name(outcome), count));
        return answer;
    }

    @POST
    @Path("/{id}/replay")
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
