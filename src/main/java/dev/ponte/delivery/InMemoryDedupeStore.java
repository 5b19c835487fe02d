package dev.ponte.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keys in this process's memory: right for one server, a laptop and tests; lost on restart. */
public final class InMemoryDedupeStore implements DedupeStore {

    private record Entry(boolean done, String result, Instant expiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;
    private final Duration claimTimeout;

    public InMemoryDedupeStore(Clock clock, Duration ttl, Duration claimTimeout) {
        this.clock = clock;
        this.ttl = ttl;
        this.claimTimeout = claimTimeout;
    }

    @Override
    public Claim claim(String key) {
        Instant now = clock.instant();
        Entry pending = new Entry(false, null, now.plus(claimTimeout));
        Entry current = entries.compute(key, (k, existing) ->
                existing == null || !existing.expiresAt().isAfter(now) ? pending : existing);
        if (current == pending) {
            if (entries.size() > 10_000) {
                entries.values().removeIf(e -> !e.expiresAt().isAfter(now));
            }
            return Claim.WON;
        }
        return current.done() ? Claim.done(current.result()) : Claim.IN_PROGRESS;
    }

    @Override
    public void complete(String key, String result) {
        entries.put(key, new Entry(true, result, clock.instant().plus(ttl)));
    }

    @Override
    public boolean completed(String key) {
        Entry entry = entries.get(key);
        return entry != null && entry.done() && entry.expiresAt().isAfter(clock.instant());
    }

    @Override
    public void release(String key) {
        entries.remove(key);
    }

    @Override
    public void remember(String key, String value, Duration ttl) {
        entries.put(key, new Entry(true, value, clock.instant().plus(ttl)));
    }

    @Override
    public Optional<String> recall(String key) {
        Entry entry = entries.get(key);
        return entry == null || !entry.expiresAt().isAfter(clock.instant()) ? Optional.empty()
                : Optional.ofNullable(entry.result());
    }
}
