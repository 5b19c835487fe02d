package dev.ponte.delivery;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where Ponte runs as a server, it sweeps every {@code PONTE_REDELIVERY_EVERY} on a Vert.x periodic
 * timer, the first time one period after the start, on a worker thread, a sweep still running when
 * the next is due making that one skip. On Lambda a schedule invokes {@link RedeliveryHandler}
 * instead ({@code PONTE_REDELIVERY_POLL=false}) and no timer is set.
 * <p>
 * Why not Quarkus's scheduler: for this one fixed-period job it cost every start about 35 ms (it
 * builds a cron parser and its timer thread at start; twelve starts of each build in turn), while
 * Vert.x, already running the HTTP server, keeps a timer for nothing. Why one period first: a sweep
 * a second in fell inside a slow machine's start and opened the state store there.
 */
@ApplicationScoped
public class RedeliveryTimer {

    private final Redelivery redelivery;
    private final RedeliveryConfig config;
    private final Vertx vertx;
    private final Clock clock;
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private volatile long timer = -1;
    private volatile Instant nextSweep;

    RedeliveryTimer(Redelivery redelivery, RedeliveryConfig config, Vertx vertx, Clock clock) {
        this.redelivery = redelivery;
        this.config = config;
        this.vertx = vertx;
        this.clock = clock;
    }

    void start(@Observes StartupEvent start) {
        if (!config.poll()) {
            return;
        }
        long every = config.every().toMillis();
        if (every < 1) {
            throw new IllegalStateException("PONTE_REDELIVERY_EVERY must be at least 1ms, not " + config.every());
        }
        long first = every; // one period after the start, never during it
        nextSweep = clock.instant().plusMillis(first);
        timer = vertx.setPeriodic(first, every, id -> due());
    }

    void stop(@Observes ShutdownEvent stop) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** When the next sweep is due; empty where this process does not sweep by itself. */
    Optional<Instant> nextSweep() {
        return Optional.ofNullable(nextSweep);
    }

    /** On the event loop: the sweep goes to a worker, unless the last one is still at work. */
    private void due() {
        nextSweep = clock.instant().plus(config.every());
        if (!sweeping.compareAndSet(false, true)) {
            return;
        }
        vertx.executeBlocking(() -> {
            try {
                redelivery.sweep();
            } catch (RuntimeException e) {
                Log.errorf(e, "redelivery sweep failed; the next one tries again");
            } finally {
                sweeping.set(false);
            }
            return null;
        }, false);
    }
}
