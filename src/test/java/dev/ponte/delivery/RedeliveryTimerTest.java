package dev.ponte.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server's sweep on its Vert.x timer, with a real Vert.x: a sweep still at work when the next
 * is due makes that one skip, rather than piling sweeps up behind it on worker threads.
 */
class RedeliveryTimerTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aSweepStillRunningMakesTheNextOnesSkip() throws Exception {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger atOnce = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch firstBegun = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Redelivery slow = new Redelivery(null, null, null, null, null, null, null, null, null, null, null) {
            @Override
            public Sweep sweep() {
                started.incrementAndGet();
                mostAtOnce.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
                firstBegun.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    atOnce.decrementAndGet();
                }
                return new Sweep(0, 0, 0, 0);
            }
        };
        RedeliveryTimer timer = new RedeliveryTimer(slow, every(Duration.ofMillis(20)), vertx, Clock.systemUTC());

        timer.start(null);
        assertThat(firstBegun.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(300); // some fifteen periods while the first sweep is still at work

        assertThat(started).hasValue(1);
        release.countDown();
        Thread.sleep(200);
        assertThat(mostAtOnce).hasValue(1);
        assertThat(started.get()).isGreaterThan(1); // and the timer goes on once it is done
        timer.stop(null);
    }

    private static RedeliveryConfig every(Duration every) {
        return new RedeliveryConfig() {
            @Override
            public List<Duration> schedule() {
                return List.of(Duration.ofMinutes(1));
            }

            @Override
            public Duration maxAge() {
                return Duration.ofDays(3);
            }

            @Override
            public Duration every() {
                return every;
            }

            @Override
            public boolean poll() {
                return true;
            }

            @Override
            public Duration budget() {
                return Duration.ofSeconds(5);
            }

            @Override
            public int batchSize() {
                return 500;
            }
        };
    }
}
