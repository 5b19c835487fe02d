package dev.ponte.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponte.rd.events.RdJson;
import dev.ponte.webhook.Masking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What happened to recent webhooks and Events API requests: {@code GET /admin/deliveries} (newest
 * first; {@code vendor}, {@code outcome}, {@code q} any text, {@code limit}) and
 * {@code GET /admin/deliveries/{id}} with the RD events sent and RD's answer. Emails and phone
 * numbers are masked unless {@code reveal=true}. Behind {@code PONTE_API_TOKEN}, like all of {@code /admin}.
 */
@Path("/admin/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operators")
@SecurityRequirement(name = "apiToken")
public class JournalResource {

    private static final int MAX_LIST = 500;

    @Inject
    Journal journal;

    @GET
    @Operation(summary = "Recent webhooks and Events API requests, newest first, and what became of them")
    public ArrayNode list(@QueryParam("vendor") String vendor, @QueryParam("outcome") String outcome,
            @QueryParam("q") String text, @QueryParam("limit") Integer limit, @QueryParam("reveal") boolean reveal) {
        int max = limit == null ? 100 : Math.max(1, Math.min(limit, MAX_LIST));
        ArrayNode list = RdJson.mapper().createArrayNode();
        for (JournalEntry entry : journal.recent(new Journal.Filter(vendor, outcome, text), max)) {
            row(list.addObject(), entry, reveal);
        }
        return list;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One recent request: its RD events and the answer RD gave")
    public ObjectNode one(@PathParam("id") String id, @QueryParam("reveal") boolean reveal) {
        JournalEntry entry = journal.get(id).orElseThrow(() -> new NotFoundException("No recent delivery " + id
                + "; the journal keeps the last PONTE_JOURNAL_SIZE requests."));
        ObjectNode row = row(RdJson.mapper().createObjectNode(), entry, reveal);
        JsonNode events = entry.events() == null ? RdJson.mapper().createArrayNode() : entry.events();
        row.set("events", reveal ? events.deepCopy() : Masking.events(events));
        row.set("rd_answer", entry.answer());
        return row;
    }

    private static ObjectNode row(ObjectNode row, JournalEntry entry, boolean reveal) {
        row.put("id", entry.id()).put("at", entry.at().toString()).put("method", entry.method()).put("route", entry.route())
                .put("status", entry.status()).put("source", entry.source()).put("topic", entry.topic());
        strings(row.putArray("delivery_ids"), entry.deliveryIds());
        row.put("outcome", entry.outcome()).put("reason", entry.reason()).put("dead_letter", entry.deadLetter());
        strings(row.putArray("event_types"), entry.eventTypes());
        strings(row.putArray("contacts"), reveal ? entry.contacts() : entry.contacts().stream().map(Masking::email).toList());
        row.put("attempts", entry.attempts()).put("ms", entry.millis())
                .put("updated_at", entry.updatedAt() == null ? null : entry.updatedAt().toString());
        if (entry.traceId() != null) {
            row.put("trace_id", entry.traceId());
        }
        return row;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
