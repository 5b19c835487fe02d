package dev.ponte.delivery.state;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything Ponte must remember between requests, in one place: which deliveries were handled
 * (so none reaches RD twice), small facts learned from delivered events, and scheduled entries
 * (dead letters waiting for their next attempt, timers). Chosen once at start-up: embedded on
 * local disk, in memory, or a DynamoDB table shared by every instance.
 *
 * <p>A delivery key moves through these states:
 * <pre>
 *  (none) ─claim─▶ PENDING ─complete─▶ DONE            RD took it
 *     ▲               │    ─parked───▶ PARKED(letter)  failed for sure; claimable again, same letter
 *     └──release──────┤    ─maybe────▶ MAYBE(letter)   no answer from RD: held, never resent blindly
 *                     └ (process gone) orphan, adopted as MAYBE with the delivery written ahead
 *  (none) ─queued───▶ QUEUED ─take─▶ PENDING           queue mode: the worker takes it
 * </pre>
 */
public interface StateStore {

    /** What a claim found. */
    enum Status {
        /** The caller holds the key now and must complete, park, hold or release it. */
        WON,
        /** Another delivery of this key is under way (or its process died and it awaits adoption). */
        IN_PROGRESS,
        /** Already delivered or queued; {@code answer} is what was recorded. */
        DONE,
        /** RD may have it: a request got no answer. Held, listed as {@code letterId}. */
        MAYBE
    }

    /** The outcome of {@link #claim} or {@link #take}. {@code letterId}: the dead letter this key was parked as, if any. */
    record Claim(Status status, String answer, String letterId) {

        public static Claim won(String letterId) {
            return new Claim(Status.WON, null, letterId);
        }

        public boolean won() {
            return status == Status.WON;
        }
    }

    /** What is scheduled: dead letters and timers. */
    enum Kind { LETTER, TIMER }

    /**
     * A scheduled entry. {@code dueAt} null: not scheduled (a letter held for the operator).
     * {@code waitingFor}: a subject whose arrival makes it due (a phone number whose email is not known yet).
     */
    record Entry(Kind kind, String id, Instant dueAt, String waitingFor, String body) {

        public Entry withDueAt(Instant at) {
            return new Entry(kind, id, at, waitingFor, body);
        }
    }

    /** A claim whose process is gone, with the delivery it wrote ahead. */
    record Orphan(String key, byte[] inFlight, String marker) {
    }

    // --- delivery keys ---------------------------------------------------------------------

    /**
     * Claims {@code key} for a delivery about to be sent. {@code inFlight} is the delivery itself,
     * written ahead so that, should this process die before RD answers, it can be listed as
     * maybe delivered instead of being lost or resent.
     */
    Claim claim(String key, byte[] inFlight);

    /** The queue worker's claim: like {@link #claim}, but a QUEUED key is won rather than answered as done. */
    Claim take(String key, byte[] inFlight);

    /** Queue mode: the delivery is on the queue; copies are answered with {@code answer}. */
    void queued(String key, String answer);

    /** RD accepted: remembered for the dedupe TTL with RD's answer. */
    void complete(String key, String answer);

    /** Failed for sure and parked as {@code letterId}: a later claim wins it back, with that letter. */
    void parked(String key, String letterId);

    /** RD may have processed it: held, so nothing resends it; listed as {@code letterId}. */
    void maybe(String key, String letterId);

    /** Free again, as if never seen. */
    void release(String key);

    /** Whether the key was delivered or queued and is still remembered: a hint that saves a vendor API call. */
    boolean completed(String key);

    /** Claims whose process is gone: still pending past the claim timeout, or left by an earlier run. */
    List<Orphan> orphans(int max);

    /** Marks an orphan maybe-delivered as {@code letterId}, unless its own process settled it meanwhile. */
    boolean adopt(Orphan orphan, String letterId);

    // --- facts -----------------------------------------------------------------------------

    /** Keeps a small fact (which email a phone number belongs to) for {@code ttl}. */
    void remember(String key, String value, Duration ttl);

    /**
     * Keeps a fact as {@link #remember} does, but durable together with the caller's next change
     * rather than by a commit of its own (the embedded store commits it with that one; the other
     * stores write it at once): for facts kept just before the change that makes them true, such as
     * what a delivery taught, kept before its key says RD took it. A process killed between the two
     * loses both, and the delivery is held as maybe delivered, as it would be without the facts.
     */
    default void rememberBefore(String key, String value, Duration ttl) {
        remember(key, value, ttl);
    }

    Optional<String> recall(String key);

    /**
     * Keeps {@code value} under {@code key} for {@code ttl} unless a live value is already there,
     * atomically across every instance sharing the store: of several callers racing, one finds
     * nothing (empty) and the others the value it kept. Unlike the other changes it may become
     * durable only with the caller's next one (the embedded store commits it with the claim that
     * follows it, before anything is sent).
     */
    Optional<String> rememberFirst(String key, String value, Duration ttl);

    // --- scheduled entries -----------------------------------------------------------------

    /** Writes an entry, replacing one of the same kind and id. */
    void put(Entry entry);

    Optional<Entry> get(Kind kind, String id);

    void remove(Kind kind, String id);

    /** Entries due at {@code now}, the earliest first. */
    List<Entry> due(Kind kind, Instant now, int max);

    /** Every entry of a kind, scheduled or not. */
    List<Entry> list(Kind kind, int max);

    /** Entries waiting for {@code subject}. */
    List<Entry> waitingFor(Kind kind, String subject);

    /**
     * Moves an entry's due time to {@code until} only if it is still as {@code found} was: the
     * one of several instances that wins the lease works on it, the others skip it.
     */
    boolean lease(Entry found, Instant until);

    /** Drops what has expired; a store that expires entries itself does nothing. */
    default void purgeExpired() {
    }

    /** Why the store could not keep anything right now, if it can tell cheaply (readiness). */
    default Optional<String> unavailable() {
        return Optional.empty();
    }
}
