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
 * {@code PONTE_STATE_DIR}. Every change is committed before the call returns (the replay guard's
 * mark with the claim that follows it), so a process killed with {@code kill -9} loses nothing it
 * answered for (the operating system still holds the written pages; a power cut is another
 * matter: commits do not force the file to disk, see {@link TailKeepingFileStore}). Pages are
 * cached in a bounded cache, so memory stays flat however many keys the file holds (measured:
 * 100 000 deliveries, two commits each, add about 2.5 MB of heap over the first thousand; a
 * commit takes about 80 µs).
 *
 * <p>One operation at a time: each commit frees the space of chunks nothing points to any more,
 * at once (see the retention time below), and a thread still reading the previous version could
 * otherwise find its chunk gone ("Chunk not found", seen under a burst of webhooks). A change is
 * committed before its call returns, by group commit: concurrent deliveries' changes share one
 * commit instead of each waiting for its own.
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
    /** Changes made (under this store's lock) and changes committed (under {@link #commits}). */
    private long changes;
    private long committed;
    private final Object commits = new Object();

    /**
     * Compaction goes along with the commits: every {@value #COMPACT_EVERY} of them, chunks less
     * than half full are rewritten, up to {@value #COMPACT_WRITE} bytes. A chunk stays in the file
     * while any page in it is live, and a webhook's keys are new keys, so without this most chunks
     * stay behind for a page or two (measured: 100 000 webhooks' changes left 17 604 chunks filled
     * 8%, a 549 MB file, and each commit's update of the chunks' own map grew slower with them).
     * The purge's compaction every ten minutes cannot catch up with a busy hour.
     */
    static final int COMPACT_EVERY = 256;
    static final int COMPACT_FILL_PERCENT = 50;
    static final int COMPACT_WRITE = 256 * 1024;
    private int commitsSinceCompaction;

    public EmbeddedStateStore(Path dir, Clock clock, Retention retention) {
        super(clock, retention);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create PONTE_STATE_DIR " + dir.toAbsolutePath(), e);
        }
        Path file = dir.resolve(FILE);
        TailKeepingFileStore fileStore = new TailKeepingFileStore(4);
        try {
            fileStore.open(file.toString(), false, null);
        } catch (MVStoreException e) {
            throw new IllegalStateException("cannot open " + file.toAbsolutePath() + " (PONTE_STATE_DIR): "
                    + e.getMessage() + ". Is another Ponte process using it?", e);
        }
        try {
            store = new MVStore.Builder().adoptFileStore(fileStore).autoCommitDisabled().open();
        } catch (RuntimeException e) {
            fileStore.close();
            throw e;
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

    // --- every operation under the store's lock, durable before it returns ------------------------

    /**
     * Runs {@code operation} alone (see the class comment), then returns once a commit holds what
     * it changed. Committing is group commit: whoever finds changes not yet committed commits
     * them all, for every thread waiting, so concurrent deliveries share one commit rather than
     * queueing one commit each.
     */
    private <T> T locked(java.util.function.Supplier<T> operation) {
        T result;
        long mine;
        synchronized (this) {
            result = operation.get();
            mine = changes;
        }
        durable(mine);
        return result;
    }

    /**
     * Runs {@code operation} alone and returns without waiting for a commit: what only reads, and
     * the replay mark (the next change that is waited for commits it too, since a commit takes
     * every change made before it).
     */
    private synchronized <T> T alone(java.util.function.Supplier<T> operation) {
        return operation.get();
    }

    /**
     * Returns once the changes up to {@code version} are committed. Callers queue here; the first
     * commits every change made so far, and those behind it whose changes that covered return at once.
     */
    private void durable(long version) {
        synchronized (commits) {
            if (committed >= version) {
                return;
            }
            long upTo;
            synchronized (this) {
                upTo = changes;
                if (!store.isClosed()) {
                    store.commit();
                    if (++commitsSinceCompaction >= COMPACT_EVERY) {
                        commitsSinceCompaction = 0;
                        store.compact(COMPACT_FILL_PERCENT, COMPACT_WRITE);
                        store.commit();
                    }
                }
            }
            committed = upTo;
        }
    }

    @Override
    public Claim claim(String key, byte[] written) {
        return locked(() -> super.claim(key, written));
    }

    @Override
    public Claim take(String key, byte[] written) {
        return locked(() -> super.take(key, written));
    }

    @Override
    public void queued(String key, String answer) {
        locked(() -> {
            super.queued(key, answer);
            return null;
        });
    }

    @Override
    public void complete(String key, String answer) {
        locked(() -> {
            super.complete(key, answer);
            return null;
        });
    }

    @Override
    public void parked(String key, String letterId) {
        locked(() -> {
            super.parked(key, letterId);
            return null;
        });
    }

    @Override
    public void maybe(String key, String letterId) {
        locked(() -> {
            super.maybe(key, letterId);
            return null;
        });
    }

    @Override
    public void release(String key) {
        locked(() -> {
            super.release(key);
            return null;
        });
    }

    @Override
    public boolean completed(String key) {
        return alone(() -> super.completed(key));
    }

    @Override
    public List<Orphan> orphans(int max) {
        return alone(() -> super.orphans(max));
    }

    @Override
    public boolean adopt(Orphan orphan, String letterId) {
        return locked(() -> super.adopt(orphan, letterId));
    }

    @Override
    public void remember(String key, String value, Duration ttl) {
        locked(() -> {
            super.remember(key, value, ttl);
            return null;
        });
    }

    /** Not waited for: the caller's next change, which is, commits it too (see {@link StateStore#rememberBefore}). */
    @Override
    public void rememberBefore(String key, String value, Duration ttl) {
        alone(() -> {
            super.remember(key, value, ttl);
            return null;
        });
    }

    @Override
    public Optional<String> recall(String key) {
        return alone(() -> super.recall(key));
    }

    /**
     * A replay mark is not waited for (one commit of a webhook's four): the claim that follows it
     * before anything is sent waits for a commit, which holds the mark too. A mark a killed process
     * loses marked a body nothing was sent for yet.
     */
    @Override
    public Optional<String> rememberFirst(String key, String value, Duration ttl) {
        return alone(() -> super.rememberFirst(key, value, ttl));
    }

    @Override
    public void put(Entry entry) {
        locked(() -> {
            super.put(entry);
            return null;
        });
    }

    @Override
    public Optional<Entry> get(Kind kind, String id) {
        return alone(() -> super.get(kind, id));
    }

    /**
     * Waits for a commit only when something was removed: removing what is not there promises
     * nothing, and would otherwise commit whatever others left for their next change (an order
     * cancels its checkout's abandoned-cart timer, there or not: without this, an order with a
     * checkout and no timer paid a commit of its own for the replay mark before its claim's).
     */
    @Override
    public void remove(Kind kind, String id) {
        long before;
        long mine;
        synchronized (this) {
            before = changes;
            super.remove(kind, id);
            mine = changes;
        }
        if (mine != before) {
            durable(mine);
        }
    }

    @Override
    public List<Entry> due(Kind kind, Instant now, int max) {
        return alone(() -> super.due(kind, now, max));
    }

    @Override
    public List<Entry> list(Kind kind, int max) {
        return alone(() -> super.list(kind, max));
    }

    @Override
    public List<Entry> waitingFor(Kind kind, String subject) {
        return alone(() -> super.waitingFor(kind, subject));
    }

    @Override
    public boolean lease(Entry found, Instant until) {
        return locked(() -> super.lease(found, until));
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

    /** Called under the lock by every change; {@link #durable} commits it before the caller returns. */
    @Override
    void changed() {
        changes++;
    }

    @Override
    public void purgeExpired() {
        locked(() -> {
            super.purgeExpired();
            // The purge empties many chunks at once: a larger rewrite than the one along the commits.
            store.compact(90, 4 * 1024 * 1024);
            return null;
        });
    }

    @Override
    public Optional<String> unavailable() {
        return store.isClosed() ? Optional.of("the state store is closed") : Optional.empty();
    }

    /** What {@code kill -9} leaves: the file as the last commit wrote it. For tests. */
    synchronized void closeAbruptly() {
        if (!store.isClosed()) {
            store.closeImmediately();
        }
    }

    @Override
    public synchronized void close() {
        if (!store.isClosed()) {
            store.close();
        }
    }
}
