package dev.ponte.journal;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Ponte's Micrometer registry for Prometheus, made on the first scrape. Until then Ponte counts
 * in {@link Traffic}'s adders and loads no Micrometer registry at all: Quarkus's Micrometer
 * extension made the registry and read its configuration at every start, which cost more start-up
 * than everything else the console and metrics added; and on Lambda nothing ever scrapes.
 */
@Singleton
public class PrometheusMeters {

    /** The two text formats a scraper may ask for, as their writers name them. */
    private static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    private static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final TrafficMeters traffic;
    private final DeadLetterGauges deadLetters;
    private volatile Made made;
    /** The registry to close at shutdown, if one was made: read by a static observer, which makes no bean. */
    private static volatile Made toClose;

    /** The registry and the JVM meters bound to it, made together once. */
    private record Made(PrometheusMeterRegistry registry, JvmMeters jvm) {
    }

    /** A scrape's body and the content type it is written in. */
    public record Scrape(String contentType, byte[] body) {
    }

    @Inject
    public PrometheusMeters(Traffic traffic, DeadLetterGauges deadLetters) {
        this.traffic = new TrafficMeters(traffic);
        this.deadLetters = deadLetters;
    }

    /** Every meter now, in OpenMetrics when the scraper's {@code Accept} asks for it, else Prometheus's text format. */
    public Scrape scrape(String accept) {
        Made now = made();
        traffic.registerTo(now.registry());
        deadLetters.refresh();
        String contentType = accept != null && accept.contains("application/openmetrics-text") ? OPEN_METRICS : TEXT;
        ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
        try {
            now.registry().scrape(body, contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Scrape(contentType, body.toByteArray());
    }

    private Made made() {
        Made now = made;
        if (now == null) {
            synchronized (this) {
                now = made;
                if (now == null) {
                    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
                    JvmMeters jvm = new JvmMeters();
                    jvm.bindTo(registry);
                    deadLetters.bindTo(registry);
                    made = now = new Made(registry, jvm);
                    toClose = now;
                }
            }
        }
        return now;
    }

    static void close(@Observes ShutdownEvent shutdown) {
        Made now = toClose;
        toClose = null;
        if (now != null) {
            now.jvm().close();
            now.registry().close();
        }
    }
}
