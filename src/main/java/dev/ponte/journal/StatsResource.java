package dev.ponte.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponte.rd.RdCircuit;
import dev.ponte.rd.RdConfig;
import dev.ponte.rd.events.RdJson;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /admin/stats}: per vendor, the last hour's and day's requests by outcome; on RD's
 * side, this process's calls this (clock) minute against the account's limit per minute, the last hour's by
 * what RD made of them, and whether the circuit to RD is open. Counted by this process since it
 * started (on Lambda, by this instance).
 */
@Path("/admin/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operators")
@SecurityRequirement(name = "apiToken")
public class StatsResource {

    @Inject
    Traffic traffic;

    @Inject
    RdConfig rd;

    @Inject
    RdCircuit circuit;

    @GET
    @Operation(summary = "Per vendor the requests of the last hour and day by outcome; on the side of RD: calls, 429s, circuit")
    public ObjectNode stats() {
        ObjectNode stats = RdJson.mapper().createObjectNode();
        ObjectNode vendors = stats.putObject("vendors");
        Map<String, Map<String, Long>> hour = traffic.received(60);
        Map<String, Map<String, Long>> day = traffic.received(MinuteCounts.MINUTES);
        day.forEach((vendor, outcomes) -> {
            ObjectNode row = vendors.putObject(vendor);
            counts(row.putObject("last_hour"), "received", hour.getOrDefault(vendor, Map.of()));
            counts(row.putObject("last_day"), "received", outcomes);
        });
        ObjectNode side = stats.putObject("rd");
        side.put("limit_per_minute", rd.rateLimitPerMinute());
        side.put("calls_this_minute", traffic.rd(1).values().stream().mapToLong(Long::longValue).sum());
        counts(side.putObject("last_hour"), "calls", traffic.rd(60));
        side.put("circuit", circuit.isOpen() ? "open" : "closed");
        return stats;
    }

    /** The outcomes' counts, and their total under {@code total}. */
    private static void counts(ObjectNode into, String total, Map<String, Long> counts) {
        into.put(total, counts.values().stream().mapToLong(Long::longValue).sum());
        counts.forEach(into::put);
    }
}
