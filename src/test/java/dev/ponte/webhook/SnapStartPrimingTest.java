package dev.ponte.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ponte.delivery.DeadLetters;
import dev.ponte.journal.Journal;
import dev.ponte.rd.RdApi;
import dev.ponte.rd.RdGateway;
import dev.ponte.testing.InjectRd;
import dev.ponte.testing.RdStubs;
import dev.ponte.testing.WireMockRd;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableBean;
import io.quarkus.arc.InjectableContext;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;

/**
 * The hook SnapStart runs before its snapshot walks a Shopify order through verification,
 * mapping, validation and RD's batch body, and makes RD's client, and leaves no trace: RD hears
 * nothing, and nothing is claimed, journaled or parked.
 */
@QuarkusTest
@WithTestResource(WireMockRd.class)
class SnapStartPrimingTest {

    @InjectRd
    WireMockServer rd;

    @Inject
    SnapStartPriming hook;

    @Inject
    WebhookPathPriming priming;

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
        hook.beforeCheckpoint(null);

        assertThat(rd.getAllServeEvents()).isEmpty();
        assertThat(deadLetters.list(1_000)).hasSize(letters);
        assertThat(journal.recent(new Journal.Filter(null, null, null), 10_000)).hasSize(journaled);
    }

    @Test
    void primingMakesRdsClientWithoutCallingIt() {
        RdStubs.reset(rd);
        InjectableContext application = Arc.container().getActiveContext(ApplicationScoped.class);
        InjectableBean<RdGateway> gateway = Arc.container().instance(RdGateway.class).getBean();
        InjectableBean<RdApi> client = Arc.container().instance(RdApi.class, RestClient.LITERAL).getBean();
        // Made afresh by the next use, as after a start: earlier tests have made them.
        application.destroy(gateway);
        application.destroy(client);
        assertThat(application.get(client)).isNull();

        priming.prime();

        assertThat(application.get(gateway)).as("RdGateway made").isNotNull();
        assertThat(application.get(client)).as("RD's REST client made").isNotNull();
        assertThat(rd.getAllServeEvents()).isEmpty();
    }
}
