package dev.ponte.rd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The circuit opens on a sustained outage only, and still lets one probe through every few seconds. */
class RdCircuitTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final RdCircuit circuit = new RdCircuit(clock, Duration.ofSeconds(10), 5, Duration.ofSeconds(2));

    private void fail(int times, Duration apart) {
        for (int i = 0; i < times; i++) {
            if (i > 0) {
                clock.advance(apart);
            }
            circuit.failed();
        }
    }

    @Test
    void aBurstOfFailuresIsNotAnOutage() {
        fail(50, Duration.ofMillis(100)); // five seconds of errors, many of them
        assertThat(circuit.isOpen()).isFalse();
        assertThat(circuit.permit()).isEmpty();
    }

    @Test
    void failuresThatRetriesRecoveredFromNeverAddUp() {
        for (int minute = 0; minute < 5; minute++) {
            fail(4, Duration.ofSeconds(2));
            circuit.succeeded();
        }
        assertThat(circuit.isOpen()).isFalse();
    }

    @Test
    void tenSecondsOfFailuresWithoutASuccessOpenIt() {
        fail(6, Duration.ofSeconds(2));
        assertThat(circuit.isOpen()).isTrue();
        assertThat(circuit.permit()).hasValueSatisfying(why -> assertThat(why).contains("circuit open", "every 2 s"));
    }

    @Test
    void aColdStartWhoseFirstConnectionsAreRefusedKeepsTrying() {
        fail(129, Duration.ofMillis(5)); // 129 refusals in 0.7 s
        assertThat(circuit.isOpen()).isFalse();
    }

    @Test
    void whileOpenOneRequestEveryFewSecondsProbesAndASuccessClosesIt() {
        fail(6, Duration.ofSeconds(2));
        assertThat(circuit.permit()).isPresent();
        clock.advance(Duration.ofSeconds(2));
        assertThat(circuit.permit()).isEmpty(); // the probe
        assertThat(circuit.permit()).isPresent(); // the others meanwhile
        circuit.failed();
        clock.advance(Duration.ofSeconds(2));
        assertThat(circuit.permit()).isEmpty();
        circuit.succeeded();
        assertThat(circuit.isOpen()).isFalse();
        assertThat(circuit.permit()).isEmpty();
    }

    @Test
    void anOperatorsReplayMayProbeAtOnce() {
        fail(6, Duration.ofSeconds(2));
        assertThat(circuit.permit()).isPresent();
        circuit.allowProbe();
        assertThat(circuit.permit()).isEmpty();
        assertThat(circuit.permit()).isPresent();
    }
}
