package dev.ponte.rd;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * One circuit for every request to RD (one account, one RD). It opens on a sustained outage
 * only: RD failing for {@code openAfter} with at least {@code minFailures} failed attempts and no
 * success in between, so a burst of errors that retries recover from never trips it. While
 * open, one request every {@code probeEvery} still goes to RD as a probe; the first success
 * closes it. So no delivery is parked without RD having been tried in the last few seconds.
 *
 * <p>Written here rather than taken from SmallRye Fault Tolerance, whose breaker counts a
 * failure ratio over recent calls: exactly the rule that parked deliveries RD would have taken.
 */
@ApplicationScoped
public class RdCircuit {

    private final Clock clock;
    private final Duration openAfter;
    private final int minFailures;
    private final Duration probeEvery;
    private long failingSince = -1;
    private int failures;
    private boolean open;
    private long lastProbe;

    @Inject
    public RdCircuit(RdConfig config, Clock clock) {
        this(clock, config.circuit().openAfter(), config.circuit().minFailures(), config.circuit().probeEvery());
    }

    public RdCircuit(Clock clock, Duration openAfter, int minFailures, Duration probeEvery) {
        this.clock = clock;
        this.openAfter = openAfter;
        this.minFailures = minFailures;
        this.probeEvery = probeEvery;
    }

    /** Empty when a request may go to RD now; otherwise why not. */
    public synchronized Optional<String> permit() {
        if (!open) {
            return Optional.empty();
        }
        long now = clock.millis();
        if (now - lastProbe >= probeEvery.toMillis()) {
            lastProbe = now;
            return Optional.empty();
        }
        return Optional.of("RD has been failing for " + Duration.ofMillis(now - failingSince).toSeconds()
                + " s (circuit open); it is probed every " + probeEvery.toSeconds() + " s");
    }

    /** RD answered (2xx, or a 4xx about the content): it is up. */
    public synchronized void succeeded() {
        failingSince = -1;
        failures = 0;
        open = false;
    }

    /** RD failed an attempt (5xx, unreachable, no answer). */
    public synchronized void failed() {
        long now = clock.millis();
        if (failingSince < 0) {
            failingSince = now;
        }
        failures++;
        if (!open && failures >= minFailures && now - failingSince >= openAfter.toMillis()) {
            open = true;
            lastProbe = now;
        }
    }

    /** Lets the next request through as a probe, even if one went moments ago (an operator's replay). */
    public synchronized void allowProbe() {
        lastProbe = Long.MIN_VALUE / 2;
    }

    public synchronized boolean isOpen() {
        return open;
    }

    /** Back to closed, as after a success; for tests that start from a healthy RD. */
    public void reset() {
        succeeded();
    }
}
