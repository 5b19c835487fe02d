package dev.ponte.delivery;

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
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The operator's view of what could not be delivered, and the way to deliver it once the cause
 * is fixed. Behind {@code PONTE_API_TOKEN}, like everything under {@code /admin}.
 */
@Path("/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLettersResource {

    private static final int MAX_LIST = 500;

    @Inject
    DeadLetterStore store;

    @Inject
    Deliveries deliveries;

    @GET
    public ArrayNode list(@QueryParam("limit") Integer limit) {
        int max = limit == null ? MAX_LIST : Math.max(1, Math.min(limit, MAX_LIST));
        ArrayNode list = RdJson.mapper().createArrayNode();
        for (DeadLetter letter : store.list(max)) {
            ObjectNode row = list.addObject()
                    .put("id", letter.id())
                    .put("vendor", letter.source())
                    .put("delivery_id", letter.deliveryId())
                    .put("reason", letter.reason())
                    .put("attempts", letter.attempts())
                    .put("parked_at", letter.parkedAt())
                    .put("last_attempt_at", letter.lastAttemptAt());
            row.putArray("events").addAll(letter.events());
        }
        return list;
    }

    /** Replays every dead letter once, oldest first. */
    @POST
    @Path("/replay")
    public ObjectNode replayAll() {
        Map<Deliveries.ReplayOutcome, Integer> counts = new EnumMap<>(Deliveries.ReplayOutcome.class);
        for (Deliveries.ReplayOutcome outcome : Deliveries.ReplayOutcome.values()) {
            counts.put(outcome, 0);
        }
        for (DeadLetter letter : store.list(MAX_LIST)) {
            counts.merge(deliveries.replay(letter), 1, Integer::sum);
        }
        ObjectNode answer = RdJson.mapper().createObjectNode();
        counts.forEach((outcome, count) -> answer.put(outcome.name().toLowerCase(Locale.ROOT), count));
        return answer;
    }

    @POST
    @Path("/{id}/replay")
    public ObjectNode replayOne(@PathParam("id") String id) {
        DeadLetter letter = store.get(id).orElseThrow(() -> new NotFoundException("No dead letter " + id + "."));
        Deliveries.ReplayOutcome outcome = deliveries.replay(letter);
        ObjectNode answer = RdJson.mapper().createObjectNode()
                .put("id", id)
                .put("outcome", outcome.name().toLowerCase(Locale.ROOT));
        if (outcome == Deliveries.ReplayOutcome.STILL_FAILING) {
            store.get(id).ifPresent(after -> answer.put("reason", after.reason()));
        }
        return answer;
    }
}
