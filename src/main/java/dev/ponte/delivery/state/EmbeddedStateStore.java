package dev.ponte.delivery.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * State on local disk ({@code PONTE_STATE=embedded}, the default): one H2 MVStore file under
 * {@code PONTE_STATE_DIR}. Every change is committed before the call returns, so a process killed
 * with {@code kill -9} loses nothing it answered for (the operating system still holds the
 * written pages; a power cut is another matter). Pages are cached in a bounded cache, so memory
 * stays flat however many keys the file holds (measured: 100 000 deliveries, two commits each, add
 * about 2.5 MB of heap over the first thousand; a commit takes about 80 µs).
 *
 * <p>One operation at a time: each commit frees the space of chunks nothing points to any more,
 * at once (see the retention time below), and a thread still reading the previous version could
 * otherwise find its chunk gone ("Chunk not found", seen under a burst of webhooks). Operations
 * take microseconds and a commit about 80, so one lock still serves thousands of deliveries a
 * second.
 */
public final class EmbeddedStateStore extends MapStateStore implements AutoCloseable {

    static final String FILE = "ponte.mv.db";

    private final MVStore store;
    private final MVMap<String, String> keys;
    private final MVMap<String, byte[]> inFlight;
    private final MVMap<String, String> facts;
    private final MVMap<String, String> entries;
    private final MVMap<String, String> index;
    private final long boot;

    public EmbeddedStateStore(Path dir, Clock clock, Retention retention) {
        super(clock, retention);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create PONTE_STATE_DIR " + dir.toAbsolutePath(), e);
        }
        Path file = dir.resolve(FILE);
        try {
            store = new MVStore.Builder().fileName(file.toString()).cacheSize(4).autoCommitDisabled().open();
        } catch (MVStoreException e) {
            throw new IllegalStateException("cannot open " + file.toAbsolutePath() + " (PONTE_STATE_DIR): "
                    + e.getMessage() + ". Is another Ponte process using it?", e);
        }
        store.setVersionsToKeep(0);
        // Space of a chunk nothing points to is reused at once, not after MVStore's default 45 s:
        // with a commit per change, waiting would grow the file by gigabytes. What this gives up
        // is safety against a power cut in the moments after a write, which the OS cache never
        // had either; a killed process loses nothing.
        store.setRetentionTime(0);
        keys = store.openMap("keys");
        inFlight = store.openMap("in-flight");
        facts = store.openMap("facts");
        entries = store.openMap("entries");
        index = store.openMap("index");
        MVMap<String, String> meta = store.openMap("meta");
        boot = Long.parseLong(meta.getOrDefault("boot", "0")) + 1;
        meta.put("boot", String.valueOf(boot));
        store.commit();
    }

    // --- every operation under the store's lock ------------------------------------------------

    @Override
    public synchronized Claim claim(String key, byte[] written) {
        return super.claim(key, written);
    }

    @Override
    public synchronized Claim take(String key, byte[] written) {
        return super.take(key, written);
    }

    @Override
    public synchronized void queued(String key, String answer) {
        super.queued(key, answer);
    }

    @Override
    public synchronized void complete(String key, String answer) {
        super.complete(key, answer);
    }

    @Override
    public synchronized void parked(String key, String letterId) {
        super.parked(key, letterId);
    }

    @Override
    public synchronized void maybe(String key, String letterId) {
        super.maybe(key, letterId);
    }

    @Override
    public synchronized void release(String key) {
        super.release(key);
    }

    @Override
    public synchronized boolean completed(String key) {
        return super.completed(key);
    }

    @Override
    public synchronized List<Orphan> orphans(int max) {
        return super.orphans(max);
    }

    @Override
    public synchronized boolean adopt(Orphan orphan, String letterId) {
        return super.adopt(orphan, letterId);
    }

    @Override
    public synchronized void remember(String key, String value, Duration ttl) {
        super.remember(key, value, ttl);
    }

    @Override
    public synchronized Optional<String> recall(String key) {
        return super.recall(key);
    }

    @Override
    public synchronized Optional<String> rememberFirst(String key, String value, Duration ttl) {
        return super.rememberFirst(key, value, ttl);
    }

    @Override
    public synchronized void put(Entry entry) {
        super.put(entry);
    }

    @Override
    public synchronized Optional<Entry> get(Kind kind, String id) {
        return super.get(kind, id);
    }

    @Override
    public synchronized void remove(Kind kind, String id) {
        super.remove(kind, id);
    }

    @Override
    public synchronized List<Entry> due(Kind kind, Instant now, int max) {
        return super.due(kind, now, max);
    }

    @Override
    public synchronized List<Entry> list(Kind kind, int max) {
        return super.list(kind, max);
    }

    @Override
    public synchronized List<Entry> waitingFor(Kind kind, String subject) {
        return super.waitingFor(kind, subject);
    }

    @Override
    public synchronized boolean lease(Entry found, Instant until) {
        return super.lease(found, until);
    }

    // --- the maps ---------------------------------------------------------------------------------

    @Override
    ConcurrentMap<String, String> keys() {
        return keys;
    }

    @Override
    ConcurrentMap<String, byte[]> inFlight() {
        return inFlight;
    }

    @Override
    ConcurrentMap<String, String> facts() {
        return facts;
    }

    @Override
    ConcurrentMap<String, String> entries() {
        return entries;
    }

    @Override
    ConcurrentMap<String, String> index() {
        return index;
    }

    @Override
    List<String> keysBetween(ConcurrentMap<String, String> sorted, String from, String to, int max) {
        List<String> found = new ArrayList<>();
        Iterator<String> keys = ((MVMap<String, String>) sorted).keyIterator(from);
        while (keys.hasNext() && found.size() < max) {
            String key = keys.next();
            if (key.compareTo(to) > 0) {
                break;
            }
            found.add(key);
        }
        return found;
    }

    @Override
    long boot() {
        return boot;
    }

    @Override
    void changed() {
        store.commit();
    }

    @Override
    public synchronized void purgeExpired() {
        super.purgeExpired();
        // Expired chunks are rewritten in the background; this keeps the file from growing on.
        store.compact(90, 4 * 1024 * 1024);
    }

    @Override
    public Optional<String> unavailable() {
        return store.isClosed() ? Optional.of("the state store is closed") : Optional.empty();
    }

    @Override
    public synchronized void close() {
        if (!store.isClosed()) {
            store.close();
        }
    }
}
