package dev.ponte.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static dev.ponte.testing.RdStubs.json;
import static dev.ponte.testing.RdStubs.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.FreshState;
import dev.ponte.testing.InjectRd;
import dev.ponte.testing.RdStubs;
import dev.ponte.testing.SignedRequests;
import dev.ponte.testing.WireMockRd;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One dead letter seen on its own, with the request that made it, and discarded by an operator who says why. */
@QuarkusTest
@WithTestResource(WireMockRd.class)
class DeadLetterDetailTest {

    @InjectRd
    WireMockServer rd;

    @Inject
    FreshState fresh;

    @Inject
    DeadLetters deadLetters;

    @Inject
    Clock clock;

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(String.valueOf(record.getMessage()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void parkOneWebhook() {
        fresh.reset(rd);
        Logger.getLogger("ponte.dead-letters").addHandler(capture);
        rd.stubFor(post(urlMatching("/platform/events.*")).willReturn(json(503, "Service Unavailable")));
        // A small delivery: the tests reach Ponte through Lambda's event emulator, which stalls past 8 KB.
        byte[] cart = Fixtures.text("vendors/kiwify/abandoned_cart.json").getBytes(StandardCharsets.UTF_8);
        SignedRequests.signed("kiwify", "abandoned_cart", cart, clock.instant()).post("/webhooks/kiwify")
                .then().statusCode(200).body("outcome", equalTo("parked"));
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("ponte.dead-letters").removeHandler(capture);
    }

    @Test
    void aLetterShowsItsRequestWithoutItsSignature() {
        String id = deadLetters.list(10).get(0).id();
        operator().queryParam("reveal", true).get("/admin/dead-letters/" + id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("vendor", equalTo("kiwify"))
                .body("status", equalTo("waiting"))
                .body("cause", equalTo("rd_unavailable"))
                .body("delivery_id", equalTo("kiwify-cart-dbl2yupb3k2zpmk15s"))
                .body("events.event_type", equalTo(List.of("CONVERSION")))
                .body("request.path", equalTo("/webhooks/kiwify"))
                .body("request.query", nullValue()) // ?signature= was its only parameter: a credential, not kept
                .body("request.body", equalTo(Fixtures.text("vendors/kiwify/abandoned_cart.json")));
        operator().get("/admin/dead-letters/no-such-letter").then().statusCode(404)
                .body("errors[0].error_type", equalTo("RESOURCE_NOT_FOUND"));
    }

    @Test
    void contactsAreMaskedUnlessRevealed() {
        String id = deadLetters.list(10).get(0).id();
        operator().get("/admin/dead-letters").then().statusCode(200)
                .body("[0].events[0].payload.email", equalTo("j***@e***.com"));
        operator().get("/admin/dead-letters/" + id).then().statusCode(200)
                .body("events[0].payload.email", equalTo("j***@e***.com"))
                .body("request.path", equalTo("/webhooks/kiwify"))
                .body("request.body", nullValue())
                .body("request.hidden", containsString("?reveal=true"))
                .body(not(containsString("johndoe@example.com")));
        operator().queryParam("reveal", true).get("/admin/dead-letters").then().statusCode(200)
                .body("[0].events[0].payload.email", equalTo("johndoe@example.com"));
    }

    @Test
    void aDiscardNeedsAReasonAndIsLoggedWithWhoAndWhy() {
        String id = deadLetters.list(10).get(0).id();
        operator().delete("/admin/dead-letters/" + id).then().statusCode(400)
                .body("errors[0].error_type", equalTo("CANNOT_BE_BLANK"))
                .body("errors[0].path", equalTo("$.query.reason"));
        assertThat(deadLetters.get(id)).isPresent();

        operator().queryParam("reason", "test order, never real").queryParam("by", "maria")
                .delete("/admin/dead-letters/" + id).then().statusCode(200)
                .body("outcome", equalTo("discarded")).body("by", equalTo("maria"));

        assertThat(deadLetters.get(id)).isEmpty();
        operator().get("/admin/dead-letters").then().body("id", not(org.hamcrest.Matchers.hasItem(id)));
        operator().get("/admin/dead-letters/" + id).then().statusCode(404);
        operator().queryParam("reason", "again").delete("/admin/dead-letters/" + id).then().statusCode(404)
                .body("errors[0].error_message", containsString(id));
        assertThat(logged).anySatisfy(line -> assertThat(line).contains("\"dead_letter\":\"" + id + "\"")
                .contains("\"discarded\":true").contains("\"by\":\"maria\"").contains("\"reason\":\"test order, never real\"")
                .contains("\"vendor\":\"kiwify\""));
    }
}
