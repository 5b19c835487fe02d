package dev.ponte.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every dead-letter store promises, run against each implementation. */
abstract class DeadLetterStoreContract {

    abstract DeadLetterStore store();

    static DeadLetter letter(String parkedAt) {
        JsonNode order = Fixtures.json("rd/examples/ORDER_PLACED.json");
        return new DeadLetter(UUID.randomUUID().toString(), "shopify", "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043",
                "RD unavailable: RD answered HTTP 503", 4, parkedAt, parkedAt, List.of(order),
                new DeadLetter.StoredRequest("/webhooks/shopify", null,
                        Map.of("X-Shopify-Topic", "orders/create"), "eyJpZCI6MTIzfQ=="));
    }

    @Test
    void aParkedLetterReadsBackWhole() {
        DeadLetter letter = letter("2026-11-27T12:00:00Z");
        store().park(letter);
        assertThat(store().get(letter.id())).contains(letter);
    }

    @Test
    void listsOldestFirst() {
        DeadLetter newer = letter("2026-11-27T12:05:00Z");
        DeadLetter older = letter("2026-11-27T12:01:00Z");
        store().park(newer);
        store().park(older);
        assertThat(store().list(100)).containsExactly(older, newer);
        assertThat(store().list(1)).containsExactly(older);
    }

    @Test
    void anUpdateReplacesTheLetter() {
        DeadLetter letter = letter("2026-11-27T12:00:00Z");
        store().park(letter);
        DeadLetter again = letter.failedAgain("RD unavailable: timed out", 2, "2026-11-27T13:00:00Z");
        store().update(again);
        assertThat(store().list(100)).containsExactly(again);
        assertThat(again.attempts()).isEqualTo(6);
    }

    @Test
    void aRemovedLetterIsGone() {
        DeadLetter letter = letter("2026-11-27T12:00:00Z");
        store().park(letter);
        store().remove(letter.id());
        assertThat(store().get(letter.id())).isEmpty();
        assertThat(store().list(100)).isEmpty();
    }
}
