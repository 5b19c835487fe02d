package dev.ponte.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ponte.testing.Dynalite;
import dev.ponte.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Both journal stores keep the same promises: newest first, found by id and by delivery key, a
 * later fate in place. The DynamoDB one, on a real DynamoDB-compatible server, also shares what
 * one instance wrote with another, and stops showing entries past PONTE_JOURNAL_TTL.
 */
class JournalStoreTest {

    private static DynamoDbClient dynamo;
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));

    @BeforeAll
    static void startDynalite() {
        Dynalite.ensureStarted();
        dynamo = Dynalite.client();
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    static Stream<Arguments> stores() {
        return Stream.of(Arguments.of("memory", new MemoryJournalStore(100)),
                Arguments.of("dynamodb", dynamoStore()));
    }

    private static JournalStore dynamoStore() {
        return new DynamoDbJournalStore(dynamo, Dynalite.TABLE, CLOCK, Duration.ofDays(7));
    }

    /** A request's entry; {@code tag} in its delivery ids, so each test finds only its own. */
    private static JournalEntry entry(String tag, String deliveryId, String outcome) {
        CLOCK.advance(Duration.ofMillis(5)); // arrivals in order
        return JournalEntry.builder().id(UUID.randomUUID().toString()).at(CLOCK.instant()).method("POST")
                .route("/webhooks/shopify").status(200).source("shopify").topic("orders/create")
                .deliveryIds(List.of(tag + "-" + deliveryId)).keys(List.of("shopify:" + tag + "-" + deliveryId))
                .outcome(outcome).eventTypes(List.of("ORDER_PLACED")).contacts(List.of("maria@example.com"))
                .attempts(1).millis(12).events(JsonNodeFactory.instance.arrayNode().add("e"))
                .answer(JsonNodeFactory.instance.objectNode().put("event_uuid", "u")).traceId("4bf9").build();
    }

    private static List<String> ids(JournalStore store, String tag) {
        return store.newestFirst(entry -> entry.deliveryIds().get(0).startsWith(tag), 10).stream()
                .map(entry -> entry.deliveryIds().get(0)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void entriesComeBackNewestFirstWholeAndFoundByIdAndKey(String name, JournalStore store) {
        String tag = UUID.randomUUID().toString();
        JournalEntry first = entry(tag, "a", "delivered");
        store.put(first);
        store.put(entry(tag, "b", "parked"));
        store.put(entry(tag, "c", "queued"));

        assertThat(ids(store, tag)).containsExactly(tag + "-c", tag + "-b", tag + "-a");
        assertThat(store.newestFirst(entry -> entry.deliveryIds().get(0).startsWith(tag), 2)).hasSize(2);
        assertThat(store.get(first.id())).contains(first);
        assertThat(store.byKey("shopify:" + tag + "-a")).contains(first);
        assertThat(store.byKey("shopify:" + tag + "-none")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aLaterFateReplacesTheEntryInItsPlace(String name, JournalStore store) {
        String tag = UUID.randomUUID().toString();
        JournalEntry queued = entry(tag, "a", "queued");
        store.put(queued);
        store.put(entry(tag, "b", "delivered"));

        JournalEntry delivered = queued.withOutcome("delivered").withUpdatedAt(CLOCK.instant());
        store.replace(delivered);

        assertThat(ids(store, tag)).containsExactly(tag + "-b", tag + "-a");
        assertThat(store.byKey("shopify:" + tag + "-a")).contains(delivered);
    }

    @org.junit.jupiter.api.Test
    void anotherInstanceSeesWhatOneWroteUntilTheTtl() {
        String tag = UUID.randomUUID().toString();
        JournalStore one = dynamoStore();
        JournalStore other = dynamoStore();
        JournalEntry entry = entry(tag, "a", "delivered");
        one.put(entry);

        assertThat(other.get(entry.id())).contains(entry);
        assertThat(ids(other, tag)).containsExactly(tag + "-a");

        CLOCK.advance(Duration.ofDays(7).plusMinutes(1)); // past PONTE_JOURNAL_TTL: the table's TTL may delete it late
        assertThat(other.get(entry.id())).isEmpty();
        assertThat(other.byKey("shopify:" + tag + "-a")).isEmpty();
        assertThat(ids(other, tag)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aMemoryJournalKeepsOnlyItsSize() {
        String tag = UUID.randomUUID().toString();
        JournalStore small = new MemoryJournalStore(2);
        JournalEntry oldest = entry(tag, "a", "delivered");
        small.put(oldest);
        small.put(entry(tag, "b", "delivered"));
        small.put(entry(tag, "c", "delivered"));

        assertThat(ids(small, tag)).containsExactly(tag + "-c", tag + "-b");
        assertThat(small.byKey("shopify:" + tag + "-a")).isEmpty();
    }
}
