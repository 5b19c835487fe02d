package dev.ponte.delivery.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponte.delivery.state.StateStore.Status;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemoryStateStoreTest extends StateStoreContract {

    private final MemoryStateStore store = new MemoryStateStore(clock, RETENTION);

    @Override
    protected StateStore store() {
        return store;
    }

    // --- the bound (PONTE_STATE_MEMORY_KEYS) -------------------------------------------------------

    private final MemoryStateStore small = new MemoryStateStore(clock, RETENTION, 100);

    private void deliver(String key) {
        assertThat(small.claim(key, delivery("d")).won()).isTrue();
        small.complete(key, "{\"n\":\"" + key + "\"}");
        clock.advance(Duration.ofSeconds(1));
    }

    @Test
    void pastTheBoundTheKeysClosestToExpiringGoFirstAndTheRecentOnesAreStillRecognised() {
        for (int i = 0; i < 150; i++) {
            deliver("k" + i);
        }

        // The 101st key trims to 75: two trims of 26, the oldest first.
        assertThat(small.keys()).hasSize(98);
        assertThat(small.letGoEarly()).isEqualTo(52);
        for (int i = 52; i < 150; i++) {
            assertThat(small.claim("k" + i, delivery("d")).status()).as("k" + i).isEqualTo(Status.DONE);
        }
        assertThat(small.claim("k51", delivery("d")).won()).as("let go, so claimed afresh").isTrue();
    }

    @Test
    void expiredKeysGoBeforeAnyUnexpiredOneAndAreNotCountedAsLetGoEarly() {
        for (int i = 0; i < 60; i++) {
            deliver("old" + i);
        }
        clock.advance(RETENTION.ttl());
        for (int i = 0; i < 60; i++) {
            deliver("new" + i);
        }

        assertThat(small.letGoEarly()).isZero();
        for (int i = 0; i < 60; i++) {
            assertThat(small.completed("new" + i)).as("new" + i).isTrue();
        }
    }

    @Test
    void aPendingKeyIsNeverLetGoHoweverFullTheStoreIs() {
        for (int i = 0; i < 150; i++) {
            assertThat(small.claim("p" + i, delivery("d")).won()).isTrue();
        }

        assertThat(small.keys()).hasSize(150);
        for (int i = 0; i < 150; i++) {
            assertThat(small.claim("p" + i, delivery("d")).status()).isEqualTo(Status.IN_PROGRESS);
        }
        assertThat(small.letGoEarly()).isZero();
    }

    @Test
    void replayMarksCloseToExpiringGoBeforeLongerLivedFactsSuchAsLearnedContacts() {
        for (int i = 0; i < 50; i++) {
            small.remember("contact:" + i, "a" + i + "@example.com", Duration.ofDays(30));
        }
        for (int i = 0; i < 100; i++) {
            assertThat(small.rememberFirst("replay:" + i, "key-" + i, Duration.ofMinutes(10))).isEmpty();
        }

        assertThat(small.facts().size()).isLessThanOrEqualTo(100);
        for (int i = 0; i < 50; i++) {
            assertThat(small.recall("contact:" + i)).contains("a" + i + "@example.com");
        }
        assertThat(small.recall("replay:99")).isEqualTo(Optional.of("key-99"));
        assertThat(small.letGoEarly()).isPositive();
    }

    @Test
    void aBoundTooSmallToHoldABurstIsRefusedAtStart() {
        assertThatThrownBy(() -> new MemoryStateStore(clock, RETENTION, 5))
                .hasMessageContaining("PONTE_STATE_MEMORY_KEYS");
    }
}
