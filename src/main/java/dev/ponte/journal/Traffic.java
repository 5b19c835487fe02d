package dev.ponte.journal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

/**
 * How much went through, for the console: each vendor's requests by outcome, and Ponte's calls to
 * RD by what RD made of them ({@code accepted}, {@code rate_limited}, {@code refused},
 * {@code unauthorized}, {@code failed}, {@code unreachable}, {@code no_answer}), counted a minute at a time over the last day.
 */
@ApplicationScoped
public class Traffic {

    private static final char SEP = '\u001f';

    private final MinuteCounts edge = new MinuteCounts();
    private final MinuteCounts rd = new MinuteCounts();
    private final Clock clock;

    @Inject
    public Traffic(Clock clock) {
        this.clock = clock;
    }

    private long minute() {
        return clock.millis() / 60_000;
    }

    /** A request at the edge: a vendor's webhook, or {@code events} for the Events API. */
    public void received(String source, String outcome) {
        edge.add(source + SEP + outcome, minute());
    }

    /** One call to RD and what came of it. */
    public void rd(String result) {
        rd.add(result, minute());
    }

    /** Per vendor, per outcome: the count over the last {@code minutes}. */
    public Map<String, Map<String, Long>> received(int minutes) {
        long now = minute();
        Map<String, Map<String, Long>> byVendor = new TreeMap<>();
        for (String name : edge.names()) {
            long count = edge.sum(name, now, minutes);
            if (count > 0) {
                int at = name.indexOf(SEP);
                byVendor.computeIfAbsent(name.substring(0, at), v -> new TreeMap<>()).put(name.substring(at + 1), count);
            }
        }
        return byVendor;
    }

    /** RD's answers over the last {@code minutes}, by result. */
    public Map<String, Long> rd(int minutes) {
        long now = minute();
        Map<String, Long> byResult = new TreeMap<>();
        for (String name : rd.names()) {
            long count = rd.sum(name, now, minutes);
            if (count > 0) {
                byResult.put(name, count);
            }
        }
        return byResult;
    }
}
