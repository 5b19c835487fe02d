package dev.ponte.journal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How much went through: each vendor's requests by outcome, Ponte's calls to RD by what RD made
 * of them ({@code accepted}, {@code rate_limited}, {@code refused}, {@code unauthorized},
 * {@code failed}, {@code unreachable}, {@code no_answer}) and how long they took, and
 * redeliveries by outcome. Counted twice over: a minute at a time over the last day for the
 * console, and in running totals that {@link TrafficMeters} shows on {@code /q/metrics} (plain
 * adders until something scrapes: no Micrometer registry is made for a process nothing scrapes);
 * and, where no scrape reaches (on Lambda), as CloudWatch embedded metric format lines
 * ({@link EmbeddedMetrics}).
 */
@ApplicationScoped
public class Traffic {

    private static final char SEP = '\u001f';

    private final MinuteCounts edge = new MinuteCounts();
    private final MinuteCounts rd = new MinuteCounts();
    /** Running totals since start: by (vendor, topic, outcome); by RD's result; by redelivery outcome. */
    private final ConcurrentMap<List<String>, LongAdder> webhooks = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LatencyTally> rdCalls = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> redeliveries = new ConcurrentHashMap<>();
    private volatile LatencyTally queueLag;
    private final Clock clock;
    private final Optional<EmbeddedMetrics> lines;

    @Inject
    public Traffic(Clock clock, MetricsConfig config) {
        this(clock, config.emfEnabled() ? Optional.of(new EmbeddedMetrics(System.out, clock)) : Optional.empty());
    }

    Traffic(Clock clock, Optional<EmbeddedMetrics> lines) {
        this.clock = clock;
        this.lines = lines;
    }

    /** Counting with no embedded metric lines. */
    public Traffic(Clock clock) {
        this(clock, Optional.empty());
    }

    private long minute() {
        return clock.millis() / 60_000;
    }

    /**
     * A request at the edge: a vendor's webhook, or {@code events} for the Events API; its topic
     * when the vendor was verified (an unverified sender's topic is not a label anyone should choose).
     */
    public void received(String source, String topic, String outcome) {
        edge.add(source + SEP + outcome, minute());
        webhooks.computeIfAbsent(List.of(source, topic == null ? "" : topic, outcome), key -> new LongAdder()).increment();
        lines.ifPresent(emf -> emf.webhook(source, topic, outcome));
    }

    /** One call to RD, what came of it and how long it took. */
    public void rd(String result, long nanos) {
        rd.add(result, minute());
        rdCalls.computeIfAbsent(result, key -> new LatencyTally(clock)).record(nanos);
        lines.ifPresent(emf -> emf.rd(result, nanos));
    }

    /** How long a queued delivery waited on the queue before a worker took it. */
    public void queueLag(Duration waited) {
        Duration lag = waited.isNegative() ? Duration.ZERO : waited;
        LatencyTally tally = queueLag;
        if (tally == null) {
            synchronized (this) {
                tally = queueLag == null ? (queueLag = new LatencyTally(clock)) : queueLag;
            }
        }
        tally.record(lag.toNanos());
        lines.ifPresent(emf -> emf.queueLag(lag.toMillis()));
    }

    /** What redelivering dead letters came to. */
    public void redelivered(String outcome, int count) {
        if (count > 0) {
            redeliveries.computeIfAbsent(outcome, key -> new LongAdder()).add(count);
            lines.ifPresent(emf -> emf.redelivered(outcome, count));
        }
    }

    /**
     * A dead letter that now waits for a person (held, or given up): counted where no scrape
     * reaches (the gauge {@code ponte_dead_letters} says how many there are).
     */
    public void needsOperator(String status, String cause) {
        lines.ifPresent(emf -> emf.needsOperator(status, cause));
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

    Map<List<String>, LongAdder> webhooks() {
        return webhooks;
    }

    Map<String, LatencyTally> rdCalls() {
        return rdCalls;
    }

    /** Null until a delivery has come off a queue. */
    LatencyTally queueLag() {
        return queueLag;
    }

    Map<String, LongAdder> redeliveries() {
        return redeliveries;
    }
}
