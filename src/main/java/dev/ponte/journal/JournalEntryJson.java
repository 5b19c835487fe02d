package dev.ponte.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponte.rd.events.RdJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A journal entry as stored JSON, field by field: no reflection, so the native binary reads it too. */
final class JournalEntryJson {

    private JournalEntryJson() {
    }

    static String write(JournalEntry entry) {
        ObjectNode json = RdJson.mapper().createObjectNode();
        json.put("id", entry.id()).put("at", entry.at().toString()).put("method", entry.method())
                .put("route", entry.route()).put("status", entry.status()).put("source", entry.source())
                .put("topic", entry.topic()).put("outcome", entry.outcome()).put("reason", entry.reason())
                .put("dead_letter", entry.deadLetter()).put("attempts", entry.attempts()).put("ms", entry.millis())
                .put("updated_at", entry.updatedAt() == null ? null : entry.updatedAt().toString())
                .put("trace_id", entry.traceId());
        strings(json.putArray("delivery_ids"), entry.deliveryIds());
        strings(json.putArray("keys"), entry.keys());
        strings(json.putArray("event_types"), entry.eventTypes());
        strings(json.putArray("contacts"), entry.contacts());
        json.set("events", entry.events());
        json.set("answer", entry.answer());
        return json.toString();
    }

    static JournalEntry read(String text) {
        JsonNode json;
        try {
            json = RdJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a stored journal entry is not JSON: " + e.getOriginalMessage(), e);
        }
        return JournalEntry.builder().id(json.path("id").asText()).at(Instant.parse(json.path("at").asText()))
                .method(text(json, "method")).route(text(json, "route")).status(json.path("status").asInt())
                .source(text(json, "source")).topic(text(json, "topic")).outcome(text(json, "outcome"))
                .reason(text(json, "reason")).deadLetter(text(json, "dead_letter")).attempts(json.path("attempts").asInt())
                .millis(json.path("ms").asLong())
                .updatedAt(json.hasNonNull("updated_at") ? Instant.parse(json.path("updated_at").asText()) : null)
                .traceId(text(json, "trace_id")).deliveryIds(strings(json.path("delivery_ids")))
                .keys(strings(json.path("keys"))).eventTypes(strings(json.path("event_types")))
                .contacts(strings(json.path("contacts")))
                .events(json.hasNonNull("events") ? json.get("events") : null)
                .answer(json.hasNonNull("answer") ? json.get("answer") : null).build();
    }

    private static String text(JsonNode json, String field) {
        return json.hasNonNull(field) ? json.get(field).asText() : null;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
