package dev.ponte.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What every dedupe store promises, run against each implementation. */
abstract class DedupeStoreContract {

    static final Duration TTL = Duration.ofHours(72);
    static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(60);
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));

    abstract DedupeStore store();

    static String key() {
        return "shopify:" + UUID.randomUUID();
    }

    @Test
    void theFirstClaimWinsAndLaterOnesSeeItInProgress() {
        String key = key();
        assertThat(store().claim(key)).isEqualTo(DedupeStore.Claim.WON);
        assertThat(store().claim(key)).isEqualTo(DedupeStore.Claim.IN_PROGRESS);
    }

    @Test
    void aCompletedKeyAnswersWithTheEarlierResult() {
        String key = key();
        store().claim(key);
        store().complete(key, "{\"event_uuid\":\"u-1\"}");
        assertThat(store().claim(key)).isEqualTo(DedupeStore.Claim.done("{\"event_uuid\":\"u-1\"}"));
    }

    @Test
    void aReleasedKeyCanBeClaimedAgain() {
        String key = key();
        store().claim(key);
        store().release(key);
        assertThat(store().claim(key).won()).isTrue();
    }

    @Test
    void anAbandonedClaimExpiresAfterTheClaimTimeout() {
        String key = key();
        store().claim(key);
        clock.advance(CLAIM_TIMEOUT.minusSeconds(2));
        assertThat(store().claim(key).won()).isFalse();
        clock.advance(Duration.ofSeconds(3));
        assertThat(store().claim(key).won()).isTrue();
    }

    @Test
    void aDeliveredKeyIsRememberedForTheTtlOnly() {
        String key = key();
        store().claim(key);
        store().complete(key, "{}");
        clock.advance(TTL.minusMinutes(1));
        assertThat(store().claim(key).won()).isFalse();
        clock.advance(Duration.ofMinutes(2));
        assertThat(store().claim(key).won()).isTrue();
    }

    @Test
    void onlyACompletedDeliveryCountsAsCompletedAndOnlyForTheTtl() {
        String key = key();
        assertThat(store().completed(key)).isFalse();
        store().claim(key);
        assertThat(store().completed(key)).isFalse();
        store().release(key);
        store().claim(key);
        store().complete(key, "{}");
        assertThat(store().completed(key)).isTrue();
        clock.advance(TTL.plusMinutes(1));
        assertThat(store().completed(key)).isFalse();
    }

    @Test
    void aRememberedFactIsRecalledUntilItExpires() {
        String key = "contact-phone:+55" + UUID.randomUUID();
        assertThat(store().recall(key)).isEmpty();
        store().remember(key, "maria@example.com", Duration.ofDays(365));
        assertThat(store().recall(key)).contains("maria@example.com");
        clock.advance(Duration.ofDays(366));
        assertThat(store().recall(key)).isEmpty();
    }

    @Test
    void ofEightConcurrentClaimsExactlyOneWins() throws Exception {
        String key = key();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            Callable<Boolean> claim = () -> {
                start.await();
                return store().claim(key).won();
            };
            List<Future<Boolean>> results = IntStream.range(0, 8).mapToObj(i -> pool.submit(claim)).toList();
            start.countDown();
            int won = 0;
            for (Future<Boolean> result : results) {
                won += result.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
