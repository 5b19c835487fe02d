package dev.ponte.delivery.state;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * State in this process's memory ({@code PONTE_STATE=memory}): for tests and throwaway runs.
 * Everything is lost when the process ends; expired keys are dropped by the periodic sweep.
 */
public final class MemoryStateStore extends MapStateStore {

    private final ConcurrentMap<String, String> keys = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, byte[]> inFlight = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> facts = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<String, String> entries = new ConcurrentSkipListMap<>();
    private final ConcurrentSkipListMap<String, String> index = new ConcurrentSkipListMap<>();
    private final long boot = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);

    public MemoryStateStore(Clock clock, Retention retention) {
        super(clock, retention);
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
