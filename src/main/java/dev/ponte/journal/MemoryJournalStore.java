package dev.ponte.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponte.delivery.state.Gzip;
import dev.ponte.rd.events.RdJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The last {@code size} entries in this process's memory; the oldest go first. An entry's RD
 * events and RD's answer, most of its weight, are kept gzipped apart from it and put back when
 * one entry is asked for: a listing needs neither, and as JSON trees 2 000 entries held 9 MB.
 */
public final class MemoryJournalStore implements JournalStore {

    private final LinkedHashMap<String, JournalEntry> byId = new LinkedHashMap<>();
    private final Map<String, byte[]> bodies = new HashMap<>();
    private final Map<String, String> idByKey = new HashMap<>();
    private final int size;

    public MemoryJournalStore(int size) {
        this.size = size;
    }

    @Override
    public void put(JournalEntry entry) {
        Packed packed = Packed.of(entry); // outside the lock: packing is most of a put's work
        synchronized (this) {
            keep(packed);
            entry.keys().forEach(key -> idByKey.put(key, entry.id()));
            Iterator<JournalEntry> oldest = byId.values().iterator();
            while (byId.size() > size) {
                JournalEntry gone = oldest.next();
                oldest.remove();
                bodies.remove(gone.id());
                gone.keys().forEach(key -> idByKey.remove(key, gone.id()));
            }
        }
    }

    @Override
    public void replace(JournalEntry entry) {
        Packed packed = Packed.of(entry);
        synchronized (this) {
            if (byId.containsKey(entry.id())) {
                keep(packed); // same key: keeps its place
            }
        }
    }

    @Override
    public synchronized Optional<JournalEntry> get(String id) {
        return Optional.ofNullable(byId.get(id)).map(this::whole);
    }

    @Override
    public synchronized Optional<JournalEntry> byKey(String key) {
        String id = idByKey.get(key);
        return id == null ? Optional.empty() : get(id);
    }

    @Override
    public synchronized List<JournalEntry> newestFirst(Predicate<JournalEntry> filter, int limit) {
        List<JournalEntry> all = new ArrayList<>(byId.values());
        List<JournalEntry> found = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && found.size() < limit; i--) {
            if (filter.test(all.get(i))) {
                found.add(all.get(i)); // a listing shows neither events nor answer: they stay packed
            }
        }
        return found;
    }

    private void keep(Packed packed) {
        bodies.put(packed.light().id(), packed.body());
        byId.put(packed.light().id(), packed.light());
    }

    /** An entry without its events and answer, and those two as gzipped JSON. */
    private record Packed(JournalEntry light, byte[] body) {

        static Packed of(JournalEntry entry) {
            ObjectNode body = RdJson.mapper().createObjectNode();
            body.set("events", entry.events());
            body.set("answer", entry.answer());
            return new Packed(entry.withEvents(null).withAnswer(null),
                    Gzip.pack(body.toString().getBytes(StandardCharsets.UTF_8)));
        }
    }

    private JournalEntry whole(JournalEntry light) {
        JsonNode body;
        try {
            body = RdJson.mapper().readTree(Gzip.unpack(bodies.get(light.id())));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a journal entry kept by this process could not be read back", e);
        }
        return light.withEvents(nullIfNull(body.get("events"))).withAnswer(nullIfNull(body.get("answer")));
    }

    private static JsonNode nullIfNull(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }
}
