package dev.ponte.journal;

import dev.ponte.delivery.DeadLetter;
import dev.ponte.delivery.DeadLetters;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ponte_dead_letters {status}}: how many dead letters wait for their next automatic attempt
 * ({@code waiting}), are held for a person ({@code held}) or were given up ({@code gave_up}).
 * Counted from one read of the store before each scrape ({@link #refresh}), for all three.
 */
@Singleton
public class DeadLetterGauges implements MeterBinder {

    private static final List<String> STATUSES = List.of("waiting", "held", "gave_up");
    private static final int MAX = 10_000;

    private final DeadLetters letters;
    private final Map<String, AtomicLong> counts = new LinkedHashMap<>();

    @Inject
    public DeadLetterGauges(DeadLetters letters) {
        this.letters = letters;
        STATUSES.forEach(status -> counts.put(status, new AtomicLong()));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counts.forEach((status, count) -> Gauge.builder("ponte.dead.letters", count, AtomicLong::get)
                .description("Dead letters by status").tag("status", status).register(registry));
    }

    /** Counts the letters by status, reading the store once (a scrape comes every 15 s or more; the list is bounded). */
    void refresh() {
        Map<String, Long> now = new LinkedHashMap<>();
        for (DeadLetter letter : letters.list(MAX)) {
            now.merge(letter.status(), 1L, Long::sum);
        }
        counts.forEach((status, count) -> count.set(now.getOrDefault(status, 0L)));
    }
}
