package dev.ponte.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/** The events the sandbox accepted, newest first, for a person to look at. */
@Singleton
public class SandboxLedger {

    public record Entry(String eventUuid, Instant receivedAt, String endpoint, JsonNode event) {
    }

    private final Deque<Entry> entries = new ArrayDeque<>();
    private final SandboxConfig config;
    private final Clock clock;

    @Inject
    public SandboxLedger(SandboxConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public synchronized String record(String endpoint, JsonNode event) {
        Entry entry = new Entry(UUID.randomUUID().toString(), clock.instant(), endpoint, event);
        entries.addFirst(entry);
        while (entries.size() > config.keep()) {
            entries.removeLast();
        }
        return entry.eventUuid();
    }

    public synchronized List<Entry> newestFirst() {
        return List.copyOf(entries);
    }

    public synchronized void clear() {
        entries.clear();
    }
}
