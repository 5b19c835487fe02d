package dev.ponte.delivery;

import dev.ponte.delivery.state.StateStore;
import dev.ponte.rd.events.RdJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The dead letters, as entries of the state store: scheduled by their next attempt, found by what they wait for. */
@ApplicationScoped
public class DeadLetters {

    private final StateStore store;

    @Inject
    public DeadLetters(StateStore store) {
        this.store = store;
    }

    public void put(DeadLetter letter) {
        store.put(entry(letter));
    }

    public Optional<DeadLetter> get(String id) {
        return store.get(StateStore.Kind.LETTER, id).map(DeadLetters::letter);
    }

    /** The oldest first, at most {@code max}. */
    public List<DeadLetter> list(int max) {
        return store.list(StateStore.Kind.LETTER, Integer.MAX_VALUE).stream().map(DeadLetters::letter)
                .sorted(Comparator.comparing(DeadLetter::parkedAt).thenComparing(DeadLetter::id))
                .limit(max).toList();
    }

    public List<DeadLetter> due(Instant now, int max) {
        return store.due(StateStore.Kind.LETTER, now, max).stream().map(DeadLetters::letter).toList();
    }

    public List<DeadLetter> waitingFor(String subject) {
        return store.waitingFor(StateStore.Kind.LETTER, subject).stream().map(DeadLetters::letter).toList();
    }

    /**
     * Takes a letter for work until {@code until}, if no other instance took it first: its next
     * attempt moves there, so a sweep that dies half-way leaves it due again then.
     */
    public boolean lease(DeadLetter letter, Instant until) {
        return store.lease(entry(letter), until);
    }

    public void remove(String id) {
        store.remove(StateStore.Kind.LETTER, id);
    }

    private static StateStore.Entry entry(DeadLetter letter) {
        return new StateStore.Entry(StateStore.Kind.LETTER, letter.id(),
                letter.nextAttemptAt() == null ? null : Instant.parse(letter.nextAttemptAt()), letter.waitingFor(),
                RdJson.string(letter));
    }

    private static DeadLetter letter(StateStore.Entry entry) {
        try {
            DeadLetter letter = RdJson.mapper().readValue(entry.body(), DeadLetter.class);
            // The entry's due time is the truth: a lease moves it without rewriting the letter.
            return letter.withNextAttemptAt(entry.dueAt() == null ? null : entry.dueAt().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("dead letter " + entry.id() + " cannot be read: " + e.getMessage(), e);
        }
    }
}
