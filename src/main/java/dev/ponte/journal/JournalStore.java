package dev.ponte.journal;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Where the journal's entries live: this process's memory, or the DynamoDB table every instance shares. */
public interface JournalStore {

    /** A new entry, findable by its id and by each of its deliveries' keys. */
    void put(JournalEntry entry);

    /** An entry again, with its later fate; same id, same keys. */
    void replace(JournalEntry entry);

    Optional<JournalEntry> get(String id);

    /** The newest entry of the delivery with this key. */
    Optional<JournalEntry> byKey(String key);

    /**
     * Newest first, those {@code filter} keeps, at most {@code limit}; an entry's RD events and RD's
     * answer may be left out of a listing ({@link #get} and {@link #byKey} give them).
     */
    List<JournalEntry> newestFirst(Predicate<JournalEntry> filter, int limit);
}
