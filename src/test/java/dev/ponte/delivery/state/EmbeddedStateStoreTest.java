package dev.ponte.delivery.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponte.delivery.state.StateStore.Entry;
import dev.ponte.delivery.state.StateStore.Kind;
import dev.ponte.delivery.state.StateStore.Status;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on local disk, and what only a store that outlives its process can promise. */
class EmbeddedStateStoreTest extends StateStoreContract {

    @TempDir
    Path dir;

    private EmbeddedStateStore store;

    @BeforeEach
    void open() {
        store = new EmbeddedStateStore(dir, clock, RETENTION);
    }

    @Override
    protected StateStore store() {
        return store;
    }

    @AfterEach
    void close() {
        store.close();
    }

    private EmbeddedStateStore restart() {
        store.close();
        store = new EmbeddedStateStore(dir, clock, RETENTION);
        return store;
    }

    /**
     * What a burst of webhooks does to the store: many threads claiming, settling, remembering
     * and listing at once while expired state is purged. Every operation must succeed; a store
     * that frees a chunk while another thread still reads it fails here with "Chunk not found".
     */
    @Test
    void aBurstOfConcurrentDeliveriesNeverFindsTheFileInconsistent() throws Exception {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean purging = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicReference<Throwable> purgeFailed = new java.util.concurrent.atomic.AtomicReference<>();
        Thread purger = new Thread(() -> {
            try {
                while (purging.get()) {
                    store.purgeExpired();
                    store.list(Kind.LETTER, 1_000);
                }
            } catch (RuntimeException e) {
                purgeFailed.set(e);
            }
        });
        purger.start();
        try {
            java.util.List<Integer> done = dev.ponte.testing.Concurrently.run(8, () -> {
                for (int i = 0; i < 1_500; i++) {
                    int n = next.incrementAndGet();
                    String key = "shopify:order-" + n;
                    store.rememberFirst("replay:" + n, key, Duration.ofHours(72));
                    assertThat(store.claim(key, delivery("order " + n)).won()).isTrue();
                    if (n % 10 == 0) {
                        store.put(new Entry(Kind.LETTER, "letter-" + n, clock.instant().plusSeconds(60), null, "{}"));
                        store.parked(key, "letter-" + n);
                    } else {
                        store.complete(key, "{\"event_uuid\":\"" + n + "\"}");
                    }
                    store.recall("replay:" + (n / 2));
                }
                return 1;
            });
            assertThat(done).hasSize(8);
        } finally {
            purging.set(false);
            purger.join();
        }
        assertThat(purgeFailed.get()).as("the purge, while deliveries went on").isNull();
        assertThat(store.claim("shopify:order-1", delivery("again")).status()).isEqualTo(Status.DONE);
    }

    @Test
    void aRestartKeepsDeliveredKeysLettersTimersAndFacts() {
        String key = key();
        store().claim(key, delivery("d"));
        store().complete(key, "{\"event_uuid\":\"u-1\"}");
        store().put(new Entry(Kind.LETTER, "letter-1", clock.instant().plusSeconds(60), "+5511999990000", "{}"));
        store().put(new Entry(Kind.TIMER, "cart-1", clock.instant().plusSeconds(3_600), null, "{\"source\":\"shopify\"}"));
        store().remember("contact-phone:+5511999990000", "maria@example.com", Duration.ofDays(365));

        StateStore after = restart();

        assertThat(after.claim(key, delivery("d")).answer()).isEqualTo("{\"event_uuid\":\"u-1\"}");
        assertThat(after.get(Kind.LETTER, "letter-1")).isPresent();
        assertThat(after.waitingFor(Kind.LETTER, "+5511999990000")).hasSize(1);
        assertThat(after.due(Kind.TIMER, clock.instant().plusSeconds(3_600), 10)).extracting(Entry::id).containsExactly("cart-1");
        assertThat(after.recall("contact-phone:+5511999990000")).contains("maria@example.com");
    }

    private EmbeddedStateStore restartAfterKill() {
        store.closeAbruptly();
        store = new EmbeddedStateStore(dir, clock, RETENTION);
        return store;
    }

    @Test
    void whatACallChangedOutlivesAKilledProcessOnceItReturned() {
        String key = key();
        store().claim(key, delivery("d"));
        store().complete(key, "{\"event_uuid\":\"u-1\"}");
        store().put(new Entry(Kind.LETTER, "letter-1", clock.instant().plusSeconds(60), null, "{}"));
        store().remember("contact-phone:+5511999990000", "maria@example.com", Duration.ofDays(365));

        StateStore after = restartAfterKill();

        assertThat(after.completed(key)).isTrue();
        assertThat(after.get(Kind.LETTER, "letter-1")).isPresent();
        assertThat(after.recall("contact-phone:+5511999990000")).contains("maria@example.com");
    }

    /** The replay guard's mark rides on the claim's commit instead of waiting for one of its own. */
    @Test
    void aReplayMarkIsCommittedWithTheClaimThatFollowsIt() {
        String key = key();
        store().rememberFirst("replay:body-1", key, Duration.ofDays(7));
        store().claim(key, delivery("d"));

        StateStore after = restartAfterKill();

        assertThat(after.rememberFirst("replay:body-1", "another-key", Duration.ofDays(7))).contains(key);
        assertThat(after.orphans(10)).extracting(StateStore.Orphan::key).containsExactly(key);
    }

    /** What a delivery taught rides on the commit of its key, which says RD took it. */
    @Test
    void aFactKeptBeforeTheDeliveredKeyIsCommittedWithIt() {
        String key = key();
        store().claim(key, delivery("d"));
        store().rememberBefore("order:shopify:7001", "maria@example.com", Duration.ofDays(365));
        store().complete(key, "{\"event_uuid\":\"u-1\"}");

        StateStore after = restartAfterKill();

        assertThat(after.completed(key)).isTrue();
        assertThat(after.recall("order:shopify:7001")).contains("maria@example.com");
    }

    @Test
    void aFactKeptBeforeNothingElseDoesNotWaitForACommit() {
        store().rememberBefore("order:shopify:7001", "maria@example.com", Duration.ofDays(365));
        assertThat(store().recall("order:shopify:7001")).contains("maria@example.com");

        StateStore after = restartAfterKill();

        assertThat(after.recall("order:shopify:7001")).isEmpty();
    }

    @Test
    void removingWhatIsNotThereCommitsNothing() {
        store().rememberFirst("replay:body-1", "key-1", Duration.ofDays(7));
        store().remove(Kind.TIMER, "abandoned-cart:shopify:no-such-checkout");

        StateStore after = restartAfterKill();

        assertThat(after.rememberFirst("replay:body-1", "key-2", Duration.ofDays(7))).as("the mark was left to the next change").isEmpty();
    }

    @Test
    void aRemovalOutlivesAKilledProcessOnceItReturned() {
        store().put(new Entry(Kind.TIMER, "cart-1", clock.instant().plusSeconds(3_600), null, "{}"));
        store().remove(Kind.TIMER, "cart-1");

        StateStore after = restartAfterKill();

        assertThat(after.get(Kind.TIMER, "cart-1")).isEmpty();
    }

    @Test
    void aReplayMarkAloneDoesNotWaitForACommit() {
        store().rememberFirst("replay:body-1", "key-1", Duration.ofDays(7));

        StateStore after = restartAfterKill();

        assertThat(after.rememberFirst("replay:body-1", "key-2", Duration.ofDays(7))).isEmpty();
    }

    @Test
    void aClaimLeftByTheRunBeforeIsAnOrphanAtOnce() {
        String key = key();
        store().claim(key, "in flight when the process died".getBytes(StandardCharsets.UTF_8));

        StateStore after = restart();

        assertThat(after.orphans(10)).singleElement().satisfies(orphan -> {
            assertThat(orphan.key()).isEqualTo(key);
            assertThat(new String(orphan.inFlight(), StandardCharsets.UTF_8)).isEqualTo("in flight when the process died");
        });
        assertThat(after.claim(key, delivery("d")).status()).isEqualTo(Status.IN_PROGRESS);
    }

    @Test
    void aSecondProcessOnTheSameDirectoryIsRefusedWithTheSettingNamed() {
        assertThatThrownBy(() -> new EmbeddedStateStore(dir, clock, RETENTION))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PONTE_STATE_DIR")
                .hasMessageContaining("another Ponte process");
    }

    /**
     * A commit never gives the file's free end back: truncating would force the file to disk
     * first, for about one webhook in five (their changes: the replay mark, the claim, the
     * delivery recorded, a fact learned), and the next chunk would grow the file again.
     */
    @Test
    void theFileNeverShrinksBetweenCommits() throws Exception {
        Path file = dir.resolve(EmbeddedStateStore.FILE);
        long before = Files.size(file);
        int shrunk = 0;
        for (int i = 0; i < 2_000; i++) {
            aWebhooksChanges(i);
            long size = Files.size(file);
            if (size < before) {
                shrunk++;
            }
            before = size;
        }
        assertThat(shrunk).isZero();
        assertThat(restart().completed("shopify:orders/create:1999")).isTrue();
    }

    /**
     * A busy hour's webhooks (each its own keys) leave the file near the size of what is live in
     * it, not a file of chunks kept for a page or two each.
     */
    @Test
    void theFileStaysNearItsLiveDataUnderASustainedLoad() throws Exception {
        for (int i = 0; i < 10_000; i++) {
            aWebhooksChanges(i);
        }
        // Measured: 13 MB, and 37 MB when compaction waited for the ten-minute purge.
        assertThat(Files.size(dir.resolve(EmbeddedStateStore.FILE))).isLessThan(24L * 1024 * 1024);
    }

    /** What one webhook changes, in its order: the replay mark, the claim, the delivery recorded, a fact learned. */
    private void aWebhooksChanges(int i) {
        String key = "shopify:orders/create:" + i;
        store.rememberFirst("replay:" + UUID.randomUUID(), key, Duration.ofDays(3));
        store.claim(key, new byte[600]);
        store.complete(key, "{\"event_batch_uuid\":\"" + UUID.randomUUID() + "\",\"events\":[{\"event_uuid\":\""
                + UUID.randomUUID() + "\"}]}");
        store.remember("fact:" + key, "buyer" + i + "@example.com", Duration.ofDays(365));
    }

    /**
     * Memory stays flat however many deliveries the file remembers: pages live on disk and only
     * a bounded cache of them in memory. A hundred times the keys may cost at most a fifth more heap.
     */
    @Test
    void memoryAfterAHundredThousandDeliveriesIsWithinAFifthOfAfterAThousand() {
        record(1_000);
        long afterThousand = usedHeapAfterGc();
        record(99_000);
        long afterHundredThousand = usedHeapAfterGc();

        assertThat((double) afterHundredThousand / afterThousand).isLessThanOrEqualTo(1.2);
        assertThat(afterHundredThousand - afterThousand).isLessThan(12L * 1024 * 1024);
    }

    private void record(int deliveries) {
        String answer = "{\"event_batch_uuid\":\"" + UUID.randomUUID() + "\",\"events\":[{\"event_uuid\":\""
                + UUID.randomUUID() + "\"},{\"event_uuid\":\"" + UUID.randomUUID() + "\"}]}";
        byte[] written = new byte[600];
        for (int i = 0; i < deliveries; i++) {
            String key = "shopify:" + UUID.randomUUID();
            store().claim(key, written);
            store().complete(key, answer);
        }
    }

    private static long usedHeapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
