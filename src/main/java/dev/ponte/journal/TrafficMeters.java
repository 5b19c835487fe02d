package dev.ponte.journal;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link Traffic}'s counts as Micrometer meters that read them when scraped:
 * {@code ponte_webhooks_total {vendor, topic, outcome}}, {@code ponte_rd_requests_seconds {result}}
 * ({@code _count}, {@code _sum}, and {@code _max} over the last two minutes),
 * {@code ponte_queue_lag_seconds} (the same three) and {@code ponte_redeliveries_total {outcome}}.
 * Registered again before every scrape: a series first seen since the last one joins it, and
 * registering a meter twice returns the one there is.
 */
final class TrafficMeters {

    private final Traffic traffic;

    TrafficMeters(Traffic traffic) {
        this.traffic = traffic;
    }

    void registerTo(MeterRegistry registry) {
        traffic.webhooks().forEach((key, count) -> FunctionCounter.builder("ponte.webhooks", count, Number::doubleValue)
                .description("Requests at the edge by vendor, topic and outcome")
                .tags(Tags.of("vendor", key.get(0), "topic", key.get(1), "outcome", key.get(2))).register(registry));
        traffic.rdCalls().forEach((result, tally) -> latency(registry, "ponte.rd.requests",
                "Calls to RD by what RD made of them", tally, List.of("result", result)));
        LatencyTally lag = traffic.queueLag();
        if (lag != null) {
            latency(registry, "ponte.queue.lag", "Time deliveries waited on the queue", lag, List.of());
        }
        traffic.redeliveries().forEach((outcome, count) -> FunctionCounter.builder("ponte.redeliveries", count, Number::doubleValue)
                .description("What redelivering dead letters came to").tag("outcome", outcome).register(registry));
    }

    private static void latency(MeterRegistry registry, String name, String description, LatencyTally tally, List<String> tag) {
        Tags tags = tag.isEmpty() ? Tags.empty() : Tags.of(tag.get(0), tag.get(1));
        FunctionTimer.builder(name, tally, LatencyTally::count, LatencyTally::totalNanos, TimeUnit.NANOSECONDS)
                .description(description).tags(tags).register(registry);
        // Named as a Micrometer timer's own maximum is, so dashboards read the same series.
        Gauge.builder(name + ".seconds.max", tally, LatencyTally::maxSeconds).description(description + ": the longest in the last two minutes")
                .tags(tags).register(registry);
    }
}
