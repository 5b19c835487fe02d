package dev.ponte.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ponte.testing.RdStubs.EVENTS;
import static dev.ponte.testing.RdStubs.accepted;
import static dev.ponte.testing.RdStubs.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ponte.rd.events.EventType;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.InjectRd;
import dev.ponte.testing.RdStubs;
import dev.ponte.testing.WireMockRd;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * In a {@code -Ptracing} build with tracing on, the caller's W3C trace goes on through Ponte: RD's call carries it (a span of
 * Ponte's as its parent), the request's journal entry names it, and Ponte's spans reach the OTLP
 * collector (here the same WireMock, over OTLP/HTTP).
 */
@QuarkusTest
@WithTestResource(value = WireMockRd.class, initArgs = @ResourceArg(name = "tracing", value = "on"))
@EnabledIf(value = "tracingBuilt", disabledReason = "a build without -Ptracing; .ci/run runs this test with it")
class TracingTest {

    /** Runs in a tracing build, and wherever {@code -Dtracing-build} says it must (then fails without it). */
    static boolean tracingBuilt() {
        return TracingCheck.present(TracingCheck.EXTENSION_CLASS) || Boolean.getBoolean("tracing-build");
    }

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    @InjectRd
    WireMockServer rd;

    @BeforeEach
    void freshRd() {
        RdStubs.reset(rd);
        rd.stubFor(post(urlPathEqualTo("/v1/traces")).willReturn(aResponse().withStatus(200)));
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(accepted("traced-uuid")));
    }

    @Test
    void theCallersTraceReachesRdTheJournalAndTheCollector() throws InterruptedException {
        operator().header("traceparent", "00-" + TRACE + "-" + CALLER_SPAN + "-01")
                .header("Idempotency-Key", "traced-sale-1").body(Fixtures.rdExample(EventType.SALE)).post("/events")
                .then().statusCode(200);

        List<LoggedRequest> toRd = rd.findAll(postRequestedFor(urlPathEqualTo(EVENTS)));
        assertThat(toRd).hasSize(1);
        String parent = toRd.get(0).getHeader("traceparent");
        assertThat(parent).startsWith("00-" + TRACE + "-").endsWith("-01");
        assertThat(parent).doesNotContain(CALLER_SPAN); // Ponte's own span is RD's call's parent

        operator().queryParam("q", TRACE).get("/admin/deliveries").then().statusCode(200)
                .body("[0].trace_id", equalTo(TRACE)).body("[0].delivery_ids[0]", equalTo("traced-sale-1"));

        // Spans are exported in batches, every 0.1 s here: wait up to 10 s for the one with this trace.
        byte[] traceBytes = HexFormat.of().parseHex(TRACE);
        boolean exported = false;
        for (int wait = 0; wait < 100 && !exported; wait++) {
            exported = rd.findAll(postRequestedFor(urlPathEqualTo("/v1/traces"))).stream().map(LoggedRequest::getBody)
                    .anyMatch(body -> indexOf(body, traceBytes) >= 0);
            if (!exported) {
                Thread.sleep(100);
            }
        }
        assertThat(exported).as("a span of trace " + TRACE + " exported over OTLP").isTrue();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
