package dev.ponte.journal;

import com.fasterxml.jackson.databind.JsonNode;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Instant;
import java.util.List;

/**
 * What happened to one request at the edge, and to its deliveries since: when, from whom
 * ({@code source}: the vendor, or {@code events} for the Events API), its topic and delivery ids,
 * the outcome (updated when a delivery is delivered or parked later), the RD events and RD's
 * answer. {@code contacts} are the events' emails as sent; whoever shows them masks them.
 * {@code updatedAt}: when a later fate changed it; null until then. {@code traceId}: the request's
 * OpenTelemetry trace, when tracing is on.
 */
@RecordBuilder
@RecordBuilder.Options(useImmutableCollections = true)
public record JournalEntry(String id, Instant at, String method, String route, int status, String source, String topic,
        List<String> deliveryIds, List<String> keys, String outcome, String reason, String deadLetter,
        List<String> eventTypes, List<String> contacts, int attempts, long millis, JsonNode events, JsonNode answer,
        Instant updatedAt, String traceId) implements JournalEntryBuilder.With {

    public static JournalEntryBuilder builder() {
        return JournalEntryBuilder.builder();
    }
}
