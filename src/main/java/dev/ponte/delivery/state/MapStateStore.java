package dev.ponte.delivery.state;

import dev.ponte.delivery.state.KeyRecord.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;

/**
 * The state store's rules over concurrent maps, shared by the embedded store (maps on disk) and
 * the memory store. Every transition is one atomic compare-and-set on the key's record; entries
 * are indexed by due time and by the subject they wait for in one sorted map, which is checked
 * against the entry itself so that a stale index row is skipped, never trusted.
 */
abstract class MapStateStore implements StateStore {

    private static final char SEP = '\u001f';

    /** The time every expiry is measured by; the memory store's bound reads it too. */
    final Clock clock;
    private final Retention retention;

    MapStateStore(Clock clock, Retention retention) {
        this.clock = clock;
        this.retention = retention;
    }

    /** key → {@link KeyRecord#encode()}. */
    abstract ConcurrentMap<String, String> keys();

    /** key → the delivery written ahead of a pending claim. */
    abstract ConcurrentMap<String, byte[]> inFlight();

    /** key → expiry millis, then the value. */
    abstract ConcurrentMap<String, String> facts();

    /** kind|id → the encoded entry; sorted. */
    abstract ConcurrentMap<String, String> entries();

    /** Index rows "d|KIND|millis|id" and "w|KIND|subject|id"; sorted. */
    abstract ConcurrentMap<String, String> index();

    /** Keys of a sorted map from {@code from} to {@code to}, both included, in order. */
    abstract List<String> keysBetween(ConcurrentMap<String, String> sorted, String from, String to, int max);

    /** This run of the process: claims of earlier runs are orphans at once. */
    abstract long boot();

    /** Called after every change; the embedded store makes it durable here. */
    void changed() {
    }

    // --- delivery keys ---------------------------------------------------------------------

    @Override
    public Claim claim(String key, byte[] inFlight) {
        return claim(key, inFlight, false);
    }

    @Override
    public Claim take(String key, byte[] inFlight) {
        return claim(key, inFlight, true);
    }

    private Claim claim(String key, byte[] written, boolean take) {
        long now = clock.millis();
        Claim[] outcome = new Claim[1];
        keys().compute(key, (k, old) -> {
            KeyRecord found = KeyRecord.decode(old);
            if (found == null || (found.expired(now) && found.state() != State.PENDING)) {
                outcome[0] = Claim.won(null);
                return pending(now, null);
            }
            switch (found.state()) {
                case PENDING -> outcome[0] = new Claim(Status.IN_PROGRESS, null, null);
                case QUEUED -> {
                    if (take) {
                        outcome[0] = Claim.won(null);
                        return pending(now, null);
                    }
                    outcome[0] = new Claim(Status.DONE, found.answer(), null);
                }
                case DONE -> outcome[0] = new Claim(Status.DONE, found.answer(), null);
                case PARKED -> {
                    outcome[0] = Claim.won(found.letterId());
                    return pending(now, found.letterId());
                }
                case MAYBE -> outcome[0] = new Claim(Status.MAYBE, null, found.letterId());
            }
            return old;
        });
        if (outcome[0].won()) {
            if (written != null) {
                inFlight().put(key, written);
            }
            changed();
        }
        return outcome[0];
    }

    private String pending(long now, String letterId) {
        return new KeyRecord(State.PENDING, now + retention.claimTimeout().toMillis(), boot(), letterId, null).encode();
    }

    @Override
    public void queued(String key, String answer) {
        settle(key, State.QUEUED, retention.ttl(), null, answer);
    }

    @Override
    public void complete(String key, String answer) {
        settle(key, State.DONE, retention.ttl(), null, answer);
    }

    @Override
    public void parked(String key, String letterId) {
        settle(key, State.PARKED, retention.parkedHold(), letterId, null);
    }

    @Override
    public void maybe(String key, String letterId) {
        settle(key, State.MAYBE, retention.parkedHold(), letterId, null);
    }

    private void settle(String key, State state, Duration keep, String letterId, String answer) {
        keys().put(key, new KeyRecord(state, clock.millis() + keep.toMillis(), boot(), letterId, answer).encode());
        inFlight().remove(key);
        changed();
    }

    @Override
    public void release(String key) {
        keys().remove(key);
        inFlight().remove(key);
        changed();
    }

    @Override
    public boolean completed(String key) {
        KeyRecord found = KeyRecord.decode(keys().get(key));
        return found != null && !found.expired(clock.millis())
                && (found.state() == State.DONE || found.state() == State.QUEUED);
    }

    @Override
    public List<Orphan> orphans(int max) {
        long now = clock.millis();
        List<Orphan> orphans = new ArrayList<>();
        for (Map.Entry<String, byte[]> written : inFlight().entrySet()) {
            if (orphans.size() >= max) {
                break;
            }
            String encoded = keys().get(written.getKey());
            KeyRecord found = KeyRecord.decode(encoded);
            if (found == null || found.state() != State.PENDING) {
                inFlight().remove(written.getKey(), written.getValue()); // settled; the copy is left over
            } else if (found.boot() != boot() || found.expired(now)) {
                orphans.add(new Orphan(written.getKey(), written.getValue(), encoded));
            }
        }
        return orphans;
    }

    @Override
    public boolean adopt(Orphan orphan, String letterId) {
        String held = new KeyRecord(State.MAYBE, clock.millis() + retention.parkedHold().toMillis(), boot(), letterId,
                null).encode();
        if (!keys().replace(orphan.key(), orphan.marker(), held)) {
            return false;
        }
        inFlight().remove(orphan.key());
        changed();
        return true;
    }

    // --- facts -----------------------------------------------------------------------------

    @Override
    public void remember(String key, String value, Duration ttl) {
        facts().put(key, (clock.millis() + ttl.toMillis()) + String.valueOf(SEP) + value);
        changed();
    }

    @Override
    public Optional<String> rememberFirst(String key, String value, Duration ttl) {
        String fresh = (clock.millis() + ttl.toMillis()) + String.valueOf(SEP) + value;
        while (true) {
            String stored = facts().putIfAbsent(key, fresh);
            if (stored == null) {
                changed();
                return Optional.empty();
            }
            if (expiryOfFact(stored) > clock.millis()) {
                return Optional.of(stored.substring(stored.indexOf(SEP) + 1));
            }
            if (facts().replace(key, stored, fresh)) { // the one there had expired
                changed();
                return Optional.empty();
            }
        }
    }

    @Override
    public Optional<String> recall(String key) {
        String stored = facts().get(key);
        if (stored == null) {
            return Optional.empty();
        }
        return expiryOfFact(stored) <= clock.millis() ? Optional.empty()
                : Optional.of(stored.substring(stored.indexOf(SEP) + 1));
    }

    /** When a stored fact expires, in epoch millis. */
    static long expiryOfFact(String stored) {
        return Long.parseLong(stored.substring(0, stored.indexOf(SEP)));
    }

    // --- scheduled entries -----------------------------------------------------------------

    @Override
    public void put(Entry entry) {
        String old = entries().put(entryKey(entry.kind(), entry.id()), encode(entry));
        if (old != null) {
            unindex(decode(entry.kind(), entry.id(), old));
        }
        index(entry);
        changed();
    }

    @Override
    public Optional<Entry> get(Kind kind, String id) {
        String stored = entries().get(entryKey(kind, id));
        return stored == null ? Optional.empty() : Optional.of(decode(kind, id, stored));
    }

    @Override
    public void remove(Kind kind, String id) {
        String old = entries().remove(entryKey(kind, id));
        if (old != null) {
            unindex(decode(kind, id, old));
            changed();
        }
    }

    @Override
    public List<Entry> due(Kind kind, Instant now, int max) {
        String prefix = "d|" + kind + "|";
        List<Entry> due = new ArrayList<>();
        for (String row : keysBetween(index(), prefix, prefix + millis(now.toEpochMilli()) + "|\uffff", max)) {
            String rest = row.substring(prefix.length());
            String id = rest.substring(rest.indexOf('|') + 1);
            Optional<Entry> entry = get(kind, id);
            if (entry.isPresent() && entry.get().dueAt() != null && row.equals(dueRow(entry.get()))) {
                due.add(entry.get());
            } else {
                index().remove(row);
            }
        }
        return due;
    }

    @Override
    public List<Entry> list(Kind kind, int max) {
        String prefix = kind + "|";
        List<Entry> all = new ArrayList<>();
        for (String key : keysBetween(entries(), prefix, prefix + "\uffff", max)) {
            String stored = entries().get(key);
            if (stored != null) {
                all.add(decode(kind, key.substring(prefix.length()), stored));
            }
        }
        return all;
    }

    @Override
    public List<Entry> waitingFor(Kind kind, String subject) {
        String prefix = "w|" + kind + "|" + subject + "|";
        List<Entry> waiting = new ArrayList<>();
        for (String row : keysBetween(index(), prefix, prefix + "\uffff", 1_000)) {
            Optional<Entry> entry = get(kind, row.substring(prefix.length()));
            if (entry.isPresent() && subject.equals(entry.get().waitingFor())) {
                waiting.add(entry.get());
            } else {
                index().remove(row);
            }
        }
        return waiting;
    }

    @Override
    public boolean lease(Entry found, Instant until) {
        String key = entryKey(found.kind(), found.id());
        String stored = entries().get(key);
        if (stored == null) {
            return false;
        }
        Entry current = decode(found.kind(), found.id(), stored);
        if (!java.util.Objects.equals(current.dueAt(), found.dueAt())) {
            return false; // someone else moved it first
        }
        Entry leased = current.withDueAt(until);
        if (!entries().replace(key, stored, encode(leased))) {
            return false;
        }
        unindex(current);
        index(leased);
        changed();
        return true;
    }

    @Override
    public void purgeExpired() {
        long now = clock.millis();
        boolean any = false;
        for (Map.Entry<String, String> key : keys().entrySet()) {
            KeyRecord found = KeyRecord.decode(key.getValue());
            if (found.expired(now) && found.state() != State.PENDING) {
                any |= keys().remove(key.getKey(), key.getValue());
            }
        }
        for (Map.Entry<String, String> fact : facts().entrySet()) {
            String stored = fact.getValue();
            if (expiryOfFact(stored) <= now) {
                any |= facts().remove(fact.getKey(), stored);
            }
        }
        if (any) {
            changed();
        }
    }

    private void index(Entry entry) {
        if (entry.dueAt() != null) {
            index().put(dueRow(entry), "");
        }
        if (entry.waitingFor() != null) {
            index().put(waitingRow(entry), "");
        }
    }

    private void unindex(Entry entry) {
        if (entry.dueAt() != null) {
            index().remove(dueRow(entry));
        }
        if (entry.waitingFor() != null) {
            index().remove(waitingRow(entry));
        }
    }

    private static String dueRow(Entry entry) {
        return "d|" + entry.kind() + "|" + millis(entry.dueAt().toEpochMilli()) + "|" + entry.id();
    }

    private static String waitingRow(Entry entry) {
        return "w|" + entry.kind() + "|" + entry.waitingFor() + "|" + entry.id();
    }

    private static String millis(long millis) {
        return String.format("%019d", Math.max(0, millis));
    }

    private static String entryKey(Kind kind, String id) {
        return kind + "|" + id;
    }

    private static String encode(Entry entry) {
        return (entry.dueAt() == null ? "" : String.valueOf(entry.dueAt().toEpochMilli())) + SEP
                + (entry.waitingFor() == null ? "" : entry.waitingFor()) + SEP + entry.body();
    }

    private static Entry decode(Kind kind, String id, String stored) {
        String[] parts = stored.split(String.valueOf(SEP), 3);
        return new Entry(kind, id, parts[0].isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(parts[0])),
                parts[1].isEmpty() ? null : parts[1], parts[2]);
    }
}
