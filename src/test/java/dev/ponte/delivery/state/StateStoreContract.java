package dev.ponte.delivery.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.delivery.state.StateStore.Claim;
import dev.ponte.delivery.state.StateStore.Entry;
import dev.ponte.delivery.state.StateStore.Kind;
import dev.ponte.delivery.state.StateStore.Status;
import dev.ponte.testing.Concurrently;
import dev.ponte.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every state store promises (memory, embedded, DynamoDB), run against each. */
public abstract class StateStoreContract {

    static final Retention RETENTION = new Retention(Duration.ofHours(72), Duration.ofMinutes(2), Duration.ofDays(6));
    protected final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));

    protected abstract StateStore store();

    static String key() {
        return "shopify:" + UUID.randomUUID();
    }

    static byte[] delivery(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theFirstClaimWinsAndLaterOnesSeeItInProgress() {
        String key = key();
        assertThat(store().claim(key, delivery("d"))).isEqualTo(Claim.won(null));
        assertThat(store().claim(key, delivery("d")).status()).isEqualTo(Status.IN_PROGRESS);
    }

    @Test
    void aCompletedKeyAnswersWithTheEarlierAnswerForTheTtl() {
        String key = key();
        store().claim(key, delivery("d"));
        store().complete(key, "{\"event_uuid\":\"u-1\"}");
        assertThat(store().claim(key, delivery("d"))).isEqualTo(new Claim(Status.DONE, "{\"event_uuid\":\"u-1\"}", null));
        assertThat(store().completed(key)).isTrue();

        clock.advance(RETENTION.ttl().plusSeconds(1));
        assertThat(store().completed(key)).isFalse();
        assertThat(store().claim(key, delivery("d")).won()).isTrue();
    }

    @Test
    void aReleasedKeyCanBeClaimedAgain() {
        String key = key();
        store().claim(key, delivery("d"));
        store().release(key);
        assertThat(store().claim(key, delivery("d")).won()).isTrue();
    }

    @Test
    void aParkedKeyIsWonBackWithItsLetter() {
        String key = key();
        store().claim(key, delivery("d"));
        store().parked(key, "letter-1");
        assertThat(store().completed(key)).isFalse();
        assertThat(store().claim(key, delivery("d"))).isEqualTo(Claim.won("letter-1"));
        assertThat(store().claim(key, delivery("d")).status()).isEqualTo(Status.IN_PROGRESS);
    }

    @Test
    void aMaybeDeliveredKeyIsHeldWithItsLetter() {
        String key = key();
        store().claim(key, delivery("d"));
        store().maybe(key, "letter-2");
        assertThat(store().claim(key, delivery("d"))).isEqualTo(new Claim(Status.MAYBE, null, "letter-2"));
        assertThat(store().take(key, delivery("d")).status()).isEqualTo(Status.MAYBE);
    }

    @Test
    void aQueuedKeyAnswersCopiesAsDoneAndIsTakenByTheWorkerOnce() {
        String key = key();
        store().claim(key, delivery("d"));
        store().queued(key, "{\"outcome\":\"queued\"}");
        assertThat(store().completed(key)).isTrue();
        assertThat(store().claim(key, delivery("d"))).isEqualTo(new Claim(Status.DONE, "{\"outcome\":\"queued\"}", null));
        assertThat(store().take(key, delivery("d")).won()).isTrue();
        assertThat(store().take(key, delivery("d")).status()).isEqualTo(Status.IN_PROGRESS);
    }

    @Test
    void aClaimPastItsTimeoutIsAnOrphanWithItsDeliveryAndIsNeverWonAgain() {
        String key = key();
        store().claim(key, delivery("the delivery"));
        assertThat(store().orphans(100)).noneMatch(o -> o.key().equals(key));

        clock.advance(RETENTION.claimTimeout().plusSeconds(1));
        List<StateStore.Orphan> orphans = store().orphans(100).stream().filter(o -> o.key().equals(key)).toList();
        assertThat(orphans).hasSize(1);
        assertThat(new String(orphans.get(0).inFlight(), StandardCharsets.UTF_8)).isEqualTo("the delivery");
        assertThat(store().claim(key, delivery("d")).status()).isEqualTo(Status.IN_PROGRESS);

        assertThat(store().adopt(orphans.get(0), "letter-3")).isTrue();
        assertThat(store().adopt(orphans.get(0), "letter-4")).isFalse();
        assertThat(store().claim(key, delivery("d"))).isEqualTo(new Claim(Status.MAYBE, null, "letter-3"));
        assertThat(store().orphans(100)).noneMatch(o -> o.key().equals(key));
    }

    @Test
    void anOrphanSettledByItsOwnProcessMeanwhileIsNotAdopted() {
        String key = key();
        store().claim(key, delivery("d"));
        clock.advance(RETENTION.claimTimeout().plusSeconds(1));
        StateStore.Orphan orphan = store().orphans(100).stream().filter(o -> o.key().equals(key)).findFirst().orElseThrow();
        store().complete(key, "{\"event_uuid\":\"late\"}");

        assertThat(store().adopt(orphan, "letter-5")).isFalse();
        assertThat(store().claim(key, delivery("d")).answer()).isEqualTo("{\"event_uuid\":\"late\"}");
    }

    @Test
    void eightConcurrentClaimsHaveOneWinner() throws Exception {
        String key = key();
        List<Claim> claims = Concurrently.run(8, () -> store().claim(key, delivery("d")));
        assertThat(claims).filteredOn(Claim::won).hasSize(1);
        assertThat(claims).filteredOn(c -> c.status() == Status.IN_PROGRESS).hasSize(7);
    }

    @Test
    void ofRacingCallersOneRemembersFirstAndTheOthersFindIt() throws Exception {
        String key = "replay:" + UUID.randomUUID();
        List<Optional<String>> found = Concurrently.run(8, () -> store().rememberFirst(key,
                "caller-" + Thread.currentThread().getId(), Duration.ofHours(1)));

        assertThat(found).filteredOn(Optional::isEmpty).hasSize(1);
        assertThat(found.stream().flatMap(Optional::stream).distinct()).hasSize(1);
        assertThat(store().rememberFirst(key, "later", Duration.ofHours(1))).isPresent().isNotEqualTo(Optional.of("later"));
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(store().rememberFirst(key, "after expiry", Duration.ofHours(1))).isEmpty();
        assertThat(store().recall(key)).contains("after expiry");
    }

    @Test
    void factsAreRecalledUntilTheyExpire() {
        String key = "contact-phone:+55" + System.nanoTime();
        assertThat(store().recall(key)).isEmpty();
        store().remember(key, "maria@example.com", Duration.ofDays(1));
        assertThat(store().recall(key)).contains("maria@example.com");
        clock.advance(Duration.ofDays(1).plusSeconds(1));
        assertThat(store().recall(key)).isEmpty();
    }

    @Test
    void entriesComeDueInTimeOrderAndNotBefore() {
        Instant now = clock.instant();
        String prefix = UUID.randomUUID().toString();
        store().put(new Entry(Kind.TIMER, prefix + "-later", now.plusSeconds(120), null, "b"));
        store().put(new Entry(Kind.TIMER, prefix + "-sooner", now.plusSeconds(60), null, "a"));
        store().put(new Entry(Kind.LETTER, prefix + "-held", null, null, "held"));

        assertThat(ids(store().due(Kind.TIMER, now.plusSeconds(59), 100), prefix)).isEmpty();
        assertThat(ids(store().due(Kind.TIMER, now.plusSeconds(60), 100), prefix)).containsExactly(prefix + "-sooner");
        assertThat(ids(store().due(Kind.TIMER, now.plusSeconds(600), 100), prefix))
                .containsExactly(prefix + "-sooner", prefix + "-later");
        assertThat(ids(store().due(Kind.LETTER, now.plusSeconds(600_000), 100), prefix)).isEmpty();
        assertThat(ids(store().list(Kind.LETTER, 1_000), prefix)).containsExactly(prefix + "-held");
        assertThat(store().get(Kind.TIMER, prefix + "-later").orElseThrow())
                .isEqualTo(new Entry(Kind.TIMER, prefix + "-later", now.plusSeconds(120), null, "b"));
    }

    @Test
    void anEntryRewrittenOrRemovedLeavesNoStaleScheduleBehind() {
        Instant now = clock.instant();
        String id = "letter-" + UUID.randomUUID();
        store().put(new Entry(Kind.LETTER, id, now.plusSeconds(10), "+5511999990000", "v1"));
        store().put(new Entry(Kind.LETTER, id, now.plusSeconds(1_000), null, "v2"));

        assertThat(ids(store().due(Kind.LETTER, now.plusSeconds(100), 100), id)).isEmpty();
        assertThat(store().waitingFor(Kind.LETTER, "+5511999990000")).isEmpty();
        assertThat(store().get(Kind.LETTER, id).orElseThrow().body()).isEqualTo("v2");

        store().remove(Kind.LETTER, id);
        assertThat(store().get(Kind.LETTER, id)).isEmpty();
        assertThat(ids(store().due(Kind.LETTER, now.plusSeconds(10_000), 100), id)).isEmpty();
    }

    @Test
    void entriesAreFoundByWhatTheyWaitFor() {
        String phone = "+55119" + (System.nanoTime() % 100_000_000L);
        store().put(new Entry(Kind.LETTER, "w-" + UUID.randomUUID(), null, phone, "waits"));
        store().put(new Entry(Kind.LETTER, "w-" + UUID.randomUUID(), null, "+5500000000000", "another"));

        assertThat(store().waitingFor(Kind.LETTER, phone)).extracting(Entry::body).containsExactly("waits");
    }

    @Test
    void aLeaseIsWonOnceAndMovesTheDueTime() {
        Instant now = clock.instant();
        String id = "lease-" + UUID.randomUUID();
        store().put(new Entry(Kind.LETTER, id, now, null, "x"));
        Entry found = store().due(Kind.LETTER, now, 1_000).stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();

        assertThat(store().lease(found, now.plusSeconds(300))).isTrue();
        assertThat(store().lease(found, now.plusSeconds(300))).isFalse();
        assertThat(ids(store().due(Kind.LETTER, now.plusSeconds(299), 1_000), id)).isEmpty();
        assertThat(ids(store().due(Kind.LETTER, now.plusSeconds(300), 1_000), id)).containsExactly(id);
    }

    private static List<String> ids(List<Entry> entries, String prefix) {
        return entries.stream().map(Entry::id).filter(id -> id.startsWith(prefix)).toList();
    }
}
