package dev.ponte.journal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** The last {@code size} entries in this process's memory; the oldest go first. */
public final class MemoryJournalStore implements JournalStore {

    private final LinkedHashMap<String, JournalEntry> byId = new LinkedHashMap<>();
    private final Map<String, String> idByKey = new HashMap<>();
    private final int size;

    public MemoryJournalStore(int size) {
        this.size = size;
    }

    @Override
    public synchronized void put(JournalEntry entry) {
        byId.put(entry.id(), entry);
        entry.keys().forEach(key -> idByKey.put(key, entry.id()));
        Iterator<JournalEntry> oldest = byId.values().iterator();
        while (byId.size() > size) {
            JournalEntry gone = oldest.next();
            oldest.remove();
            gone.keys().forEach(key -> idByKey.remove(key, gone.id()));
        }
    }

    @Override
    public synchronized void replace(JournalEntry entry) {
        byId.replace(entry.id(), entry); // same key: keeps its place
    }

    @Override
    public synchronized Optional<JournalEntry> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<JournalEntry> byKey(String key) {
        String id = idByKey.get(key);
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized List<JournalEntry> newestFirst(Predicate<JournalEntry> filter, int limit) {
        List<JournalEntry> all = new ArrayList<>(byId.values());
        List<JournalEntry> found = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && found.size() < limit; i--) {
            if (filter.test(all.get(i))) {
                found.add(all.get(i));
            }
        }
        return found;
    }
}
