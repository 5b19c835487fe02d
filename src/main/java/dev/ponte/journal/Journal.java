package dev.ponte.journal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.delivery.Delivered;
import dev.ponte.delivery.Parked;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The recent requests and what became of them, newest last, bounded ({@code PONTE_JOURNAL_SIZE}):
 * the edge records each request as it answers, and a delivery's later fate (delivered by a
 * redelivery or the queue worker, parked after RD refused it late) updates its entry. Held in
 * memory: it answers "what happened to that order?" for the recent past, while the dead letters
 * keep what still needs a person.
 */
@ApplicationScoped
public class Journal {

    /** What a person looks for: a vendor, an outcome, any text (a delivery id, a topic, an email). */
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
            fields.addAll(entry.deliveryIds());
            fields.addAll(entry.contacts());
            fields.addAll(entry.eventTypes());
            return fields.stream().anyMatch(f -> f != null && f.toLowerCase(Locale.ROOT).contains(text));
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }

    private final LinkedHashMap<String, JournalEntry> byId = new LinkedHashMap<>();
    private final Map<String, String> idByKey = new HashMap<>();
    private final JournalConfig config;
    private final Clock clock;

    @Inject
    public Journal(JournalConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public synchronized void record(JournalEntry entry) {
        byId.put(entry.id(), entry);
        entry.keys().forEach(key -> idByKey.put(key, entry.id()));
        Iterator<JournalEntry> oldest = byId.values().iterator();
        while (byId.size() > config.size()) {
            JournalEntry gone = oldest.next();
            oldest.remove();
            gone.keys().forEach(key -> idByKey.remove(key, gone.id()));
        }
    }

    /** Newest first, at most {@code limit}. */
    public synchronized List<JournalEntry> recent(Filter filter, int limit) {
        List<JournalEntry> all = new ArrayList<>(byId.values());
        List<JournalEntry> found = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && found.size() < limit; i--) {
            if (filter.matches(all.get(i))) {
                found.add(all.get(i));
            }
        }
        return found;
    }

    public synchronized Optional<JournalEntry> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** RD took a delivery: its entry says so with RD's answer, whichever path sent it. */
    void delivered(@Observes Delivered delivered) {
        update(delivered.delivery().key(), "delivered", null, null, delivered.answer());
    }

    /** A delivery was parked (again): its entry names the letter and why. */
    void parked(@Observes Parked parked) {
        update(parked.delivery().key(), "parked", parked.letter().reason(), parked.letter().id(), null);
    }

    private synchronized void update(String key, String outcome, String reason, String deadLetter, JsonNode answer) {
        String id = idByKey.get(key);
        JournalEntry entry = id == null ? null : byId.get(id);
        if (entry == null) {
            return;
        }
        // Of a request's several deliveries, a parked one keeps the entry parked.
        boolean stillParked = "parked".equals(entry.outcome()) && !"parked".equals(outcome) && entry.keys().size() > 1;
        JournalEntry updated = entry.withOutcome(stillParked ? entry.outcome() : outcome)
                .withReason(reason != null ? reason : stillParked ? entry.reason() : null)
                .withDeadLetter(deadLetter != null ? deadLetter : stillParked ? entry.deadLetter() : null)
                .withAnswer(answer != null ? answer : entry.answer())
                .withUpdatedAt(clock.instant());
        byId.put(id, updated); // same key: keeps its place
    }
}
