package dev.ponte.journal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JVM's and the process's meters (memory, GC, threads, classes, CPU, file descriptors,
 * uptime), bound when {@code /q/metrics} is first scraped rather than at start-up: bound by
 * Quarkus at start they cost a quarter of a second of every start (the JVM's management beans),
 * and where nothing scrapes (Lambda) they are never needed. GC pauses count from the first scrape.
 */
@Singleton
public class JvmMeters {

    private final AtomicBoolean bound = new AtomicBoolean();
    private final MeterRegistry registry;
    private JvmGcMetrics gc;

    @Inject
    public JvmMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void beforeScrapes(@Observes Router router) {
        // Ahead of the scrape's own handler, on every route under /q/metrics.
        router.route("/q/metrics*").order(-1_000).handler(context -> {
            bindOnce();
            context.next();
        });
    }

    void bindOnce() {
        if (bound.compareAndSet(false, true)) {
            new JvmMemoryMetrics().bindTo(registry);
            gc = new JvmGcMetrics();
            gc.bindTo(registry);
            new JvmThreadMetrics().bindTo(registry);
            new ClassLoaderMetrics().bindTo(registry);
            new ProcessorMetrics().bindTo(registry);
            new FileDescriptorMetrics().bindTo(registry);
            new UptimeMetrics().bindTo(registry);
        }
    }

    void close(@Observes ShutdownEvent shutdown) {
        if (gc != null) {
            gc.close();
        }
    }
}
