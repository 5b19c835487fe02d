package dev.ponte.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ponte.delivery.DeadLetters;
import dev.ponte.journal.Journal;
import dev.ponte.testing.InjectRd;
import dev.ponte.testing.RdStubs;
import dev.ponte.testing.WireMockRd;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The hook SnapStart runs before its snapshot walks a Shopify order through verification,
 * mapping, validation and RD's batch body, and leaves no trace: RD hears nothing, and nothing is
 * claimed, journaled or parked.
 */
@QuarkusTest
@WithTestResource(WireMockRd.class)
class SnapStartPrimingTest {

    @InjectRd
    WireMockServer rd;

    @Inject
    SnapStartPriming priming;

    @Inject
    DeadLetters deadLetters;

    @Inject
    Journal journal;

    @Test
    void primingBuildsTheOrdersEventsAndSendsNothing() {
        RdStubs.reset(rd);
        int letters = deadLetters.list(1_000).size();
        int journaled = journal.recent(new Journal.Filter(null, null, null), 10_000).size();

        assertThat(priming.prime()).as("ORDER_PLACED / ECOMMERCE_ORDER_PLACED and their items").isGreaterThanOrEqualTo(2);
        priming.beforeCheckpoint(null);

        assertThat(rd.getAllServeEvents()).isEmpty();
        assertThat(deadLetters.list(1_000)).hasSize(letters);
        assertThat(journal.recent(new Journal.Filter(null, null, null), 10_000)).hasSize(journaled);
    }
}
