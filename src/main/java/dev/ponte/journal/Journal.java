package dev.ponte.journal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.delivery.Delivered;
import dev.ponte.delivery.Parked;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The recent requests and what became of them: the edge records each request as it answers, and
 * a delivery's later fate (delivered by a redelivery or the queue worker, parked after RD refused
 * it late) updates its entry. Kept in this process's memory, the last {@code PONTE_JOURNAL_SIZE}
 * requests; or, when the state is in DynamoDB ({@code PONTE_DEDUPE_TABLE}), in that table for
 * {@code PONTE_JOURNAL_TTL}, so every instance's requests are seen ({@link JournalStores}). It
 * answers "what happened to that order?" for the recent past, while the dead letters keep what
 * still needs a person. A journal that cannot be written never fails the request it records.
 */
@ApplicationScoped
public class Journal {

    /** What a person looks for: a vendor, an outcome, any text (a delivery id, a topic, an email, a trace id). */
    public record Filter(String source, String outcome, String text) {

        boolean matches(JournalEntry entry) {
            return (blank(source) || source.equals(entry.source()))
                    && (blank(outcome) || outcome.equals(entry.outcome()))
                    && (blank(text) || contains(entry, text.toLowerCase(Locale.ROOT)));
        }

        private static boolean contains(JournalEntry entry, String text) {
            List<String> fields = new ArrayList<>();
            fields.add(entry.topic());
            fields.add(entry.route());
            fields.add(entry.reason());
            fields.add(entry.deadLetter());
            fields.add(entry.traceId());
            fields.addAll(entry.deliveryIds());
            fields.addAll(entry.contacts());
            fields.addAll(entry.eventTypes());
            return fields.stream().anyMatch(f -> f != null && f.toLowerCase(Locale.ROOT).contains(text));
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }

    private final JournalStore store;
    private final Clock clock;

    @Inject
    public Journal(JournalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public void record(JournalEntry entry) {
        try {
            store.put(entry);
        } catch (RuntimeException e) {
            Log.warnf("the journal could not record %s %s: %s", entry.method(), entry.route(), e.getMessage());
        }
    }

    /** Newest first, at most {@code limit}. */
    public List<JournalEntry> recent(Filter filter, int limit) {
        return store.newestFirst(filter::matches, limit);
    }

    public Optional<JournalEntry> get(String id) {
        return store.get(id);
    }

    /**
     * RD took a delivery: its entry says so with RD's answer, whichever path sent it. Not while its
     * sender waits: the edge writes the entry after this, with this outcome, and looking for an
     * entry not yet written would cost a read of the store (in DynamoDB, on the request path).
     */
    void delivered(@Observes Delivered delivered) {
        if (delivered.answering()) {
            return;
        }
        update(delivered.delivery().key(), "delivered", null, null, delivered.answer());
    }

    /** A delivery was parked (again): its entry names the letter and why; not while its sender waits, as above. */
    void parked(@Observes Parked parked) {
        if (parked.answering()) {
            return;
        }
        update(parked.delivery().key(), "parked", parked.letter().reason(), parked.letter().id(), null);
    }

    private synchronized void update(String key, String outcome, String reason, String deadLetter, JsonNode answer) {
        try {
            store.byKey(key).ifPresent(entry -> store.replace(withFate(entry, outcome, reason, deadLetter, answer)));
        } catch (RuntimeException e) {
            Log.warnf("the journal could not note that %s was %s: %s", key, outcome, e.getMessage());
        }
    }

    private JournalEntry withFate(JournalEntry entry, String outcome, String reason, String deadLetter, JsonNode answer) {
        // Of a request's several deliveries, a parked one keeps the entry parked.
        boolean stillParked = "parked".equals(entry.outcome()) && !"parked".equals(outcome) && entry.keys().size() > 1;
        return entry.withOutcome(stillParked ? entry.outcome() : outcome)
                .withReason(reason != null ? reason : stillParked ? entry.reason() : null)
                .withDeadLetter(deadLetter != null ? deadLetter : stillParked ? entry.deadLetter() : null)
                .withAnswer(answer != null ? answer : entry.answer())
                .withUpdatedAt(clock.instant());
    }
}
