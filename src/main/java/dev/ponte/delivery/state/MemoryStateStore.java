package dev.ponte.delivery.state;

import io.quarkus.logging.Log;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToLongFunction;

/**
 * State in this process's memory ({@code PONTE_STATE=memory}): for tests and throwaway runs.
 * Everything is lost when the process ends; expired keys are dropped by the periodic sweep.
 *
 * <p>Bounded: delivery keys and facts (replay marks, learned contacts) are each held up to
 * {@code maxKeys} ({@code PONTE_STATE_MEMORY_KEYS}). A busy run would otherwise hold every key for
 * the dedupe TTL in the heap (measured: a Shopify webhook's key and replay mark take about 800 bytes, and the
 * garbage collector's pauses grow with them). Past the bound, expired entries go first, then those
 * closest to expiring, down to three quarters of it, so that a trim (a read of every entry) comes once
 * per many additions.
 * A key still pending is never let go (its delivery is under way). A key let go early means a
 * vendor's redelivery of it is no longer recognised, so each trim says so in the log.
 */
public final class MemoryStateStore extends MapStateStore {

    /** Keys, and facts, held at most (each), unless configured otherwise. */
    public static final int DEFAULT_MAX_KEYS = 50_000;

    private final ConcurrentMap<String, String> keys = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, byte[]> inFlight = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> facts = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<String, String> entries = new ConcurrentSkipListMap<>();
    private final ConcurrentSkipListMap<String, String> index = new ConcurrentSkipListMap<>();
    private final long boot = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    private final int maxKeys;
    private final ReentrantLock trimming = new ReentrantLock();
    private final AtomicLong letGoEarly = new AtomicLong();

    public MemoryStateStore(Clock clock, Retention retention) {
        this(clock, retention, DEFAULT_MAX_KEYS);
    }

    public MemoryStateStore(Clock clock, Retention retention, int maxKeys) {
        super(clock, retention);
        if (maxKeys < 10) {
            throw new IllegalArgumentException("PONTE_STATE_MEMORY_KEYS must be at least 10, was " + maxKeys);
        }
        this.maxKeys = maxKeys;
    }

    // --- the bound: checked where keys and facts are added ------------------------------------------

    @Override
    public Claim claim(String key, byte[] written) {
        Claim claim = super.claim(key, written);
        bound();
        return claim;
    }

    @Override
    public Claim take(String key, byte[] written) {
        Claim claim = super.take(key, written);
        bound();
        return claim;
    }

    @Override
    public void remember(String key, String value, Duration ttl) {
        super.remember(key, value, ttl);
        bound();
    }

    @Override
    public Optional<String> rememberFirst(String key, String value, Duration ttl) {
        Optional<String> first = super.rememberFirst(key, value, ttl);
        bound();
        return first;
    }

    /** Delivery keys and facts let go of before they expired, since this process started. */
    public long letGoEarly() {
        return letGoEarly.get();
    }

    private void bound() {
        if ((keys.size() <= maxKeys && facts.size() <= maxKeys) || !trimming.tryLock()) {
            return; // within the bound, or another thread is trimming already
        }
        try {
            long early = trim(keys, MemoryStateStore::keyExpiry) + trim(facts, MapStateStore::expiryOfFact);
            if (early > 0) {
                letGoEarly.addAndGet(early);
                Log.warnf("state: the memory store reached PONTE_STATE_MEMORY_KEYS (%d) and let go of %d entries before"
                        + " they expired (%d in all since start); redeliveries of those are no longer recognised. Raise"
                        + " PONTE_STATE_MEMORY_KEYS, or keep state in the embedded store (the default) or DynamoDB",
                        maxKeys, early, letGoEarly.get());
            }
        } finally {
            trimming.unlock();
        }
    }

    /** Trims {@code map} to three quarters of the bound if it is over it; returns how many unexpired entries went. */
    private long trim(ConcurrentMap<String, String> map, ToLongFunction<String> expiry) {
        if (map.size() <= maxKeys) {
            return 0;
        }
        long now = clock.millis();
        List<Held> live = new ArrayList<>(map.size());
        for (Map.Entry<String, String> entry : map.entrySet()) {
            long expires = expiry.applyAsLong(entry.getValue());
            if (expires == Long.MAX_VALUE) {
                continue; // pending: never let go
            }
            if (expires <= now) {
                map.remove(entry.getKey(), entry.getValue());
            } else {
                live.add(new Held(expires, entry.getKey(), entry.getValue()));
            }
        }
        int excess = map.size() - maxKeys * 3 / 4;
        if (excess <= 0) {
            return 0;
        }
        live.sort(Comparator.comparingLong(Held::expires));
        long removed = 0;
        for (int i = 0; i < live.size() && removed < excess; i++) {
            if (map.remove(live.get(i).key(), live.get(i).value())) { // unless it changed meanwhile
                removed++;
            }
        }
        return removed;
    }

    /** An entry as the trim found it, with its expiry read once. */
    private record Held(long expires, String key, String value) {
    }

    /** A key's expiry, read without decoding the whole record (a trim reads every key); a pending one never expires here. */
    private static long keyExpiry(String encoded) {
        return KeyRecord.pending(encoded) ? Long.MAX_VALUE : KeyRecord.expiresAtMillis(encoded);
    }

    // --- the maps ------------------------------------------------------------------------------------

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
        List<String> keys = new ArrayList<>();
        for (String key : ((ConcurrentSkipListMap<String, String>) sorted).subMap(from, true, to, true).keySet()) {
            if (keys.size() >= max) {
                break;
            }
            keys.add(key);
        }
        return keys;
    }

    @Override
    long boot() {
        return boot;
    }
}
