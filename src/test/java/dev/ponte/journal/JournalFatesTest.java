package dev.ponte.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ponte.delivery.Cause;
import dev.ponte.delivery.DeadLetter;
import dev.ponte.delivery.Delivered;
import dev.ponte.delivery.Delivery;
import dev.ponte.delivery.Parked;
import dev.ponte.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A delivery's later fate updates its request's entry (a queued order delivered by the worker, a
 * redelivery parked again); a fate settled while the sender waits is left to the entry the edge
 * writes right after, without reading the store for an entry that is not there yet (in DynamoDB,
 * a read on every request's path).
 */
class JournalFatesTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T12:00:00Z"));
    private final AtomicInteger lookups = new AtomicInteger();
    private final MemoryJournalStore memory = new MemoryJournalStore(100);
    private final Journal journal = new Journal(new JournalStore() {
        @Override
        public void put(JournalEntry entry) {
            memory.put(entry);
        }

        @Override
        public void replace(JournalEntry entry) {
            memory.replace(entry);
        }

        @Override
        public Optional<JournalEntry> get(String id) {
            return memory.get(id);
        }

        @Override
        public Optional<JournalEntry> byKey(String key) {
            lookups.incrementAndGet();
            return memory.byKey(key);
        }

        @Override
        public List<JournalEntry> newestFirst(Predicate<JournalEntry> filter, int limit) {
            return memory.newestFirst(filter, limit);
        }
    }, clock);

    private final Delivery order = Delivery.builder().source("shopify").topic("orders/create").deliveryId("order-7001:placed")
            .build();

    private JournalEntry recorded(String outcome) {
        JournalEntry entry = JournalEntry.builder().id("entry-1").at(clock.instant()).method("POST").route("/webhooks/shopify")
                .status(200).source("shopify").topic("orders/create").deliveryIds(List.of("order-7001:placed"))
                .keys(List.of(order.key())).outcome(outcome).eventTypes(List.of("ORDER_PLACED")).contacts(List.of())
                .attempts(0).millis(3).build();
        journal.record(entry);
        return entry;
    }

    private static DeadLetter letter() {
        return new DeadLetter("letter-1", Cause.REJECTED, "RD refused the events", 1, "2026-12-06T12:00:00Z", null, null, null,
                null);
    }

    @Test
    void aFateSettledWhileTheSenderWaitsReadsNothing() {
        journal.delivered(new Delivered(order, JsonNodeFactory.instance.objectNode(), true));
        journal.parked(new Parked(order, letter(), true));
        assertThat(lookups).hasValue(0);
    }

    @Test
    void aLaterDeliveryUpdatesTheQueuedEntry() {
        recorded("queued");
        journal.delivered(new Delivered(order, JsonNodeFactory.instance.objectNode().put("event_uuid", "u-1"), false));
        assertThat(lookups).hasValue(1);
        JournalEntry now = journal.get("entry-1").orElseThrow();
        assertThat(now.outcome()).isEqualTo("delivered");
        assertThat(now.answer().path("event_uuid").asText()).isEqualTo("u-1");
    }

    @Test
    void aLaterParkingNamesTheLetterAndWhy() {
        recorded("queued");
        journal.parked(new Parked(order, letter(), false));
        JournalEntry now = journal.get("entry-1").orElseThrow();
        assertThat(now.outcome()).isEqualTo("parked");
        assertThat(now.deadLetter()).isEqualTo("letter-1");
        assertThat(now.reason()).isEqualTo("RD refused the events");
    }
}
