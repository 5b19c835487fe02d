package dev.ponte.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponte.delivery.Receipt;
import dev.ponte.journal.Journal;
import dev.ponte.journal.JournalEntry;
import dev.ponte.journal.Traffic;
import dev.ponte.rd.events.EcommerceLineItem;
import dev.ponte.rd.events.ListsLineItems;
import dev.ponte.rd.events.RdEvent;
import dev.ponte.rd.events.RdJson;
import dev.ponte.rd.validation.EventSchemas;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * One structured line per request: route, status, outcome, event types, masked contacts,
 * attempts and milliseconds. Log queries and metric filters read these fields. Webhooks and
 * Events API requests also go to the {@link Journal}, whole, for the console.
 */
public class EdgeLog {

    private static final Logger LOG = Logger.getLogger("ponte.edge");

    @Inject
    EdgeLogEntry entry;

    @Inject
    Journal journal;

    @Inject
    LogConfig logs;

    @Inject
    Traffic traffic;

    @Inject
    TracingConfig tracing;

    @Inject
    Clock clock;

    private boolean json;
    private boolean traced;

    @PostConstruct
    void chooseFormat() {
        json = logs.effectiveFormat() == LogConfig.Format.JSON;
        traced = tracing.enabled();
    }

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
        if (traced) {
            SpanContext span = Span.current().getSpanContext();
            if (span.isValid()) {
                line.put("trace_id", span.getTraceId());
            }
        }
        write(status, line);
        if (path.startsWith("/webhooks/") || path.startsWith("/events")) {
            JournalEntry recorded = journalEntry(request, line, response.getEntity());
            journal.record(recorded);
            traffic.received(recorded.source(), recorded.topic(), recorded.outcome());
        }
    }

    /**
     * As text, the fields are the line's JSON; as JSON logs, each is a field of the record's
     * {@code mdc} (lists as JSON text) and the message says the request in a few words.
     */
    private void write(int status, ObjectNode line) {
        if (!json) {
            log(status, line.toString());
            return;
        }
        List<String> names = new ArrayList<>();
        line.fields().forEachRemaining(field -> {
            names.add(field.getKey());
            MDC.put(field.getKey(), field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString());
        });
        try {
            log(status, line.path("method").asText() + " " + line.path("route").asText() + " " + status + " "
                    + line.path("outcome").asText());
        } finally {
            names.forEach(MDC::remove);
        }
    }

    private static void log(int status, String message) {
        if (status >= 500) {
            LOG.warn(message);
        } else {
            LOG.info(message);
        }
    }

    /** The journal's record of this request: the log line's fields, with the events and answers whole. */
    private JournalEntry journalEntry(ContainerRequestContext request, ObjectNode line, Object answered) {
        List<String> keys = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        JsonNode rdAnswer = null;
        String reason = null;
        String letter = null;
        for (Receipt receipt : entry.receipts()) {
            keys.add(receipt.delivery().key());
            if (receipt.delivery().namedBySender()) {
                ids.add(receipt.delivery().deliveryId());
            }
            if (receipt instanceof Receipt.Delivered delivered) {
                rdAnswer = delivered.answer();
            } else if (receipt instanceof Receipt.Parked parked) {
                reason = parked.letter().reason();
                letter = parked.letter().id();
            }
        }
        if (ids.isEmpty() && entry.deliveryId() != null) {
            ids.addAll(List.of(entry.deliveryId().split(",")));
        }
        if (reason == null && line.path("status").asInt() >= 400 && answered != null) {
            reason = RdJson.tree(answered).path("errors").path(0).path("error_message").asText(null);
        }
        List<String> contacts = new ArrayList<>();
        entry.events().forEach(e -> {
            if (e.payload().email() != null && !contacts.contains(e.payload().email())) {
                contacts.add(e.payload().email());
            }
        });
        String route = line.path("route").asText();
        // When the request arrived, as the time of the delivery a person looks for.
        java.time.Instant arrived = clock.instant().minusMillis(entry.elapsedMillis());
        return JournalEntry.builder().id(UUID.randomUUID().toString()).at(arrived).method(request.getMethod())
                .route(route).status(line.path("status").asInt())
                .source(route.startsWith("/webhooks/") ? route.substring("/webhooks/".length()) : "events")
                .topic(entry.topic()).deliveryIds(ids).keys(keys).outcome(line.path("outcome").asText())
                .reason(reason).deadLetter(letter).eventTypes(entry.events().stream().map(e -> e.eventType().name()).toList())
                .contacts(contacts).attempts(entry.attempts()).millis(entry.elapsedMillis())
                .events(RdJson.tree(entry.events())).answer(rdAnswer).traceId(line.path("trace_id").asText(null)).build();
    }

    /**
     * RD takes 20 lines per e-commerce event; a mapper sends the first 20 and the whole order's
     * {@code total_items}, so lines whose quantities add up to less than it were cut.
     */
    static String lineItemsCut(RdEvent event) {
        if (!(event.payload() instanceof ListsLineItems order) || order.lineItems() == null || order.totalItems() == null
                || order.lineItems().size() < EventSchemas.MAX_LINE_ITEMS) {
            return null;
        }
        int inLines = 0;
        for (EcommerceLineItem item : order.lineItems()) {
            inLines += item.quantity() == null ? 1 : item.quantity();
        }
        int total = order.totalItems();
        return inLines < total ? event.eventType() + ": the first " + order.lineItems().size() + " lines sent (" + inLines
                + " of " + total + " items)" : null;
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
