package dev.ponte.webhook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponte.rd.events.RdEvent;
import dev.ponte.rd.events.RdJson;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * One structured line per request: route, status, outcome, event types, masked contacts,
 * attempts and milliseconds. Log queries and metric filters read these fields.
 */
public class EdgeLog {

    private static final Logger LOG = Logger.getLogger("ponte.edge");

    @Inject
    EdgeLogEntry entry;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100)
    public void start() {
        entry.start();
    }

    @ServerResponseFilter
    public void write(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/q/") || path.startsWith("/sandbox")) {
            return;
        }
        int status = response.getStatus();
        ObjectNode line = RdJson.mapper().createObjectNode()
                .put("method", request.getMethod())
                .put("route", path)
                .put("status", status)
                .put("outcome", entry.outcome() != null ? entry.outcome() : defaultOutcome(status));
        if (entry.topic() != null) {
            line.put("topic", entry.topic());
        }
        if (entry.deliveryId() != null) {
            line.put("delivery_id", entry.deliveryId());
        }
        ArrayNode types = line.putArray("event_types");
        ArrayNode contacts = line.putArray("contacts");
        for (RdEvent event : entry.events()) {
            types.add(event.eventType().name());
            String masked = Masking.email(event.payload().email());
            if (masked != null && !contains(contacts, masked)) {
                contacts.add(masked);
            }
        }
        ArrayNode cuts = null;
        for (RdEvent event : entry.events()) {
            String cut = lineItemsCut(event);
            if (cut != null) {
                (cuts == null ? cuts = line.putArray("line_items_cut") : cuts).add(cut);
            }
        }
        line.put("attempts", entry.attempts());
        line.put("ms", entry.elapsedMillis());
        if (status >= 500) {
            LOG.warn(line.toString());
        } else {
            LOG.info(line.toString());
        }
    }

    /**
     * RD takes 20 lines per e-commerce event; a mapper sends the first 20 and the whole order's
     * {@code total_items}, so lines whose quantities add up to less than it were cut.
     */
    static String lineItemsCut(RdEvent event) {
        if (!event.eventType().ecommerce()) {
            return null;
        }
        com.fasterxml.jackson.databind.JsonNode payload = RdJson.tree(event).path("payload");
        com.fasterxml.jackson.databind.JsonNode lines = payload.path("line_items");
        if (lines.size() < dev.ponte.rd.validation.EventSchemas.MAX_LINE_ITEMS || !payload.path("total_items").isInt()) {
            return null;
        }
        int inLines = 0;
        for (com.fasterxml.jackson.databind.JsonNode item : lines) {
            inLines += item.path("quantity").asInt(1);
        }
        int total = payload.path("total_items").asInt();
        return inLines < total ? event.eventType() + ": the first " + lines.size() + " lines sent (" + inLines + " of "
                + total + " items)" : null;
    }

    private static String defaultOutcome(int status) {
        return switch (status / 100) {
            case 2 -> "ok";
            case 4 -> "refused";
            default -> "failed";
        };
    }

    private static boolean contains(ArrayNode array, String value) {
        for (var node : array) {
            if (node.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
