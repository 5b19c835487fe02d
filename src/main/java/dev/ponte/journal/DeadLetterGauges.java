package dev.ponte.journal;

import dev.ponte.delivery.DeadLetter;
import dev.ponte.delivery.DeadLetters;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * {@code ponte_dead_letters {status}}: how many dead letters wait for their next automatic attempt
 * ({@code waiting}), are held for a person ({@code held}) or were given up ({@code gave_up}). Read
 * from the store when scraped (a scrape comes every 15 s or more; the list is bounded).
 */
@Singleton
public class DeadLetterGauges implements MeterBinder {

    private static final List<String> STATUSES = List.of("waiting", "held", "gave_up");
    private static final int MAX = 10_000;

    private final DeadLetters letters;

    @Inject
    public DeadLetterGauges(DeadLetters letters) {
        this.letters = letters;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String status : STATUSES) {
            Gauge.builder("ponte.dead.letters", this, gauges -> gauges.count(status))
                    .description("Dead letters by status").tag("status", status).register(registry);
        }
    }

    private double count(String status) {
        long count = 0;
        for (DeadLetter letter : letters.list(MAX)) {
            if (letter.status().equals(status)) {
                count++;
            }
        }
        return count;
    }
}
