package dev.ponte.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;

/** Shorthands for what RD answers in a test, and for calling Ponte's edge as an operator would. */
public final class RdStubs {

    public static final String EVENTS = "/platform/events";
    public static final String BATCH = "/platform/events/batch";

    private RdStubs() {
    }

    /** A fresh RD: no recorded requests, the default token, and a forced token renewal on the next call. */
    public static void reset(WireMockServer rd) {
        rd.resetAll();
        WireMockRd.stubToken(rd, WireMockRd.ACCESS_TOKEN, 86_400);
        // Whatever token an earlier test left cached is now past its renewal time.
        TestClock.advance(Duration.ofDays(2));
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    public static ResponseDefinitionBuilder accepted(String uuid) {
        return json(200, "{\"event_uuid\":\"" + uuid + "\"}");
    }

    /** RD's answer to a batch it took whole: uuids "1" to "n", in request order. */
    public static ResponseDefinitionBuilder batchAccepted(int n) {
        StringBuilder events = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            events.append(i > 1 ? "," : "").append("{\"event_uuid\":\"").append(i).append("\"}");
        }
        return json(200, "{\"event_batch_uuid\":\"b-1\",\"events\":[" + events + "]}");
    }

    public static void acceptEvents(WireMockServer rd) {
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(accepted("5408c5a3-4711-4f2e-8d0b-13407a3e30f3")));
    }

    /** RD answers POSTs to {@code url} with each response in turn, the last one from then on. */
    public static void inTurn(WireMockServer rd, String url, List<ResponseDefinitionBuilder> answers) {
        inTurn(rd, "POST", url, answers);
    }

    /** The server answers {@code method url} with each response in turn, the last one from then on. */
    public static void inTurn(WireMockServer rd, String method, String url, List<ResponseDefinitionBuilder> answers) {
        String state = Scenario.STARTED;
        for (int i = 0; i < answers.size(); i++) {
            String next = "answer " + (i + 1);
            var stub = WireMock.request(method, urlPathEqualTo(url)).inScenario(method + " " + url)
                    .whenScenarioStateIs(state).willReturn(answers.get(i));
            if (i < answers.size() - 1) {
                stub = stub.willSetStateTo(next);
            }
            rd.stubFor(stub);
            state = next;
        }
    }

    /** Every event RD answered 200 for, in the order received: what RD has, for counting copies. */
    public static List<com.fasterxml.jackson.databind.JsonNode> acceptedEvents(WireMockServer rd) {
        List<com.fasterxml.jackson.databind.JsonNode> events = new java.util.ArrayList<>();
        List<com.github.tomakehurst.wiremock.stubbing.ServeEvent> served = new java.util.ArrayList<>(rd.getAllServeEvents());
        java.util.Collections.reverse(served); // WireMock lists the newest first
        for (var one : served) {
            if (one.getRequest().getUrl().startsWith("/platform/events") && one.getResponse().getStatus() == 200) {
                com.fasterxml.jackson.databind.JsonNode body = Fixtures.parse(one.getRequest().getBodyAsString());
                (body.isArray() ? body : List.of(body)).forEach(events::add);
            }
        }
        return events;
    }

    /** A request to Ponte's operator endpoints with the right bearer token. */
    public static RequestSpecification operator() {
        return RestAssured.given().header("Authorization", "Bearer " + WireMockRd.API_TOKEN)
                .contentType(ContentType.JSON);
    }
}
