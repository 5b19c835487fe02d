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
        line.put("attempts", entry.attempts());
        line.put("ms", entry.elapsedMillis());
        if (status >= 500) {
            LOG.warn(line.toString());
        } else {
            LOG.info(line.toString());
        }
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
