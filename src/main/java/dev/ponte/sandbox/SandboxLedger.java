package dev.ponte.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.delivery.Delivered;
import dev.ponte.delivery.Delivery;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

/**
 * The events the sandbox accepted, for a person to look at, each with what produced it once
 * Ponte has recorded the delivery: RD's answer names the {@code event_uuid}s the sandbox issued,
 * so Ponte's {@link Delivered} ties each event back to its vendor, topic and delivery id.
 */
@Singleton
public class SandboxLedger {

    /** What produced an event: the vendor (or {@code events} for the API), its topic and delivery id. */
    public record From(String source, String topic, String deliveryId) {

        static From of(Delivery delivery) {
            return new From(delivery.source(), delivery.topic(), delivery.namedBySender() ? delivery.deliveryId() : null);
        }
    }

    /** {@code from}: null until Ponte has recorded the delivery. */
    public record Entry(String eventUuid, Instant receivedAt, String endpoint, JsonNode event, From from) {
    }

    /** Oldest first; an event's entry is replaced in place when its origin becomes known. */
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
    private final SandboxConfig config;
    private final Clock clock;

    @Inject
    public SandboxLedger(SandboxConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public synchronized String record(String endpoint, JsonNode event) {
        Entry entry = new Entry(UUID.randomUUID().toString(), clock.instant(), endpoint, event, null);
        entries.put(entry.eventUuid(), entry);
        var eldest = entries.keySet().iterator();
        while (entries.size() > config.keep()) {
            eldest.next();
            eldest.remove();
        }
        return entry.eventUuid();
    }

    void delivered(@Observes Delivered delivered) {
        if (!config.enabled() || delivered.answer() == null) {
            return;
        }
        From from = From.of(delivered.delivery());
        List<String> uuids = delivered.answer().findValuesAsText("event_uuid");
        synchronized (this) {
            for (String uuid : uuids) {
                entries.computeIfPresent(uuid, (id, e) -> new Entry(id, e.receivedAt(), e.endpoint(), e.event(), from));
            }
        }
    }

    public synchronized List<Entry> newestFirst() {
        List<Entry> newest = new ArrayList<>(entries.values());
        Collections.reverse(newest);
        return newest;
    }

    public synchronized void clear() {
        entries.clear();
    }
}
