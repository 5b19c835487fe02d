package dev.ponte.rd;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ponte.testing.RdStubs.EVENTS;
import static dev.ponte.testing.RdStubs.accepted;
import static dev.ponte.testing.RdStubs.json;
import static dev.ponte.testing.RdStubs.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ponte.rd.events.EventType;
import dev.ponte.rd.events.RdJson;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.InjectRd;
import dev.ponte.testing.RdStubs;
import dev.ponte.testing.TestClock;
import dev.ponte.testing.WireMockRd;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What RD's failures do to a delivery, counted in the requests RD actually received. */
@QuarkusTest
@WithTestResource(WireMockRd.class)
class RdFaultsTest {

    private static final String SALE = Fixtures.rdExample(EventType.SALE);
    private static final String SALE_EVENT = RdJson.string(RdJson.event(Fixtures.json("rd/examples/SALE.json")));

    @InjectRd
    WireMockServer rd;

    @Inject
    RdCircuit breakers;

    @Inject
    RdGateway gateway;

    @Inject
    RdAccessTokens tokens;

    @Inject
    RdConfig config;

    @Inject
    java.time.Clock clock;

    @BeforeEach
    void freshRd() {
        RdStubs.reset(rd);
        breakers.reset();
    }

    @Test
    void threeServerErrorsThenSuccessIsDeliveredOnTheFourthAttempt() {
        RdStubs.inTurn(rd, EVENTS, List.of(json(500, "{}"), json(502, "bad gateway"), json(503, ""), accepted("u-1")));

        operator().body(SALE).post("/events").then().statusCode(200).body("event_uuid", org.hamcrest.Matchers.equalTo("u-1"));

        rd.verify(4, postRequestedFor(urlPathEqualTo(EVENTS)));
    }

    @Test
    void rateLimitedWithRetryAfterWaitsAsAsked() {
        RdStubs.inTurn(rd, EVENTS, List.of(json(429, "{\"errors\":{\"error_type\":\"TOO_MANY_REQUESTS\"}}")
                .withHeader("Retry-After", "1"), accepted("u-1")));

        operator().body(SALE).post("/events").then().statusCode(200);

        List<LoggedRequest> requests = rd.findAll(postRequestedFor(urlPathEqualTo(EVENTS)));
        assertThat(requests).hasSize(2);
        long waited = requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
        assertThat(waited).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void rateLimitedWithoutRetryAfterBacksOff() {
        RdStubs.inTurn(rd, EVENTS, List.of(json(429, "Too Many Requests"), json(429, "{}"), accepted("u-1")));

        operator().body(SALE).post("/events").then().statusCode(200);

        rd.verify(3, postRequestedFor(urlPathEqualTo(EVENTS)));
    }

    @Test
    void aRetryAfterLongerThanTheBudgetParksTheEventForWhenRdAsks() {
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(json(429, "{}").withHeader("Retry-After", "60")));

        long started = System.nanoTime();
        var answer = operator().body(SALE).post("/events").then().statusCode(202)
                .body("outcome", org.hamcrest.Matchers.equalTo("parked"))
                .body("maybe_delivered", org.hamcrest.Matchers.equalTo(false))
                .body("reason", containsString("rate limiting")).extract().jsonPath();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(java.time.Instant.parse(answer.getString("next_attempt_at")))
                .isAfterOrEqualTo(clock.instant().plusSeconds(58));
        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)));
    }

    @Test
    void aConnectionDroppedAfterTheRequestWentOutIsNeverSentAgain() {
        RdStubs.inTurn(rd, EVENTS, List.of(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), accepted("u-1")));

        operator().body(SALE).post("/events").then().statusCode(202)
                .body("outcome", org.hamcrest.Matchers.equalTo("parked"))
                .body("maybe_delivered", org.hamcrest.Matchers.equalTo(true))
                .body("reason", containsString("may have processed"));

        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)));
    }

    @Test
    void aConnectionThatNeverOpenedIsRetriedAndFailsForSure() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        RdApi nowhere = io.quarkus.rest.client.reactive.QuarkusRestClientBuilder.newBuilder()
                .baseUri(java.net.URI.create("http://127.0.0.1:" + closed)).build(RdApi.class);
        RdGateway unreachable = new RdGateway(nowhere, tokens, new RdCircuit(java.time.Clock.systemUTC(),
                Duration.ofSeconds(10), 5, Duration.ofSeconds(2)), config, java.time.Clock.systemUTC(),
                new dev.ponte.journal.Traffic(java.time.Clock.systemUTC()));

        RdOutcome outcome = unreachable.sendEvent(SALE_EVENT, EventType.SALE, java.time.Instant.now().plusMillis(1500));

        assertThat(outcome).isInstanceOfSatisfying(RdOutcome.Unavailable.class, u -> {
            assertThat(u.reason()).contains("connection refused");
            assertThat(u.attempts()).isGreaterThan(1);
        });
    }

    @Test
    void rdSlowerThanTheBudgetIsAnsweredInTimeAndItsAnswerRecordedWhenItComes() throws Exception {
        // Warm up first, so the time measured is the budget and not the first request's class loading.
        RdStubs.acceptEvents(rd);
        operator().body(SALE).post("/events").then().statusCode(200);
        rd.resetRequests();
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(accepted("late-but-there").withFixedDelay(4000)));

        long started = System.nanoTime();
        RdOutcome outcome = gateway.sendEvent(SALE_EVENT, EventType.SALE, java.time.Instant.now().plusMillis(2500));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(Duration.ofMillis(2700));
        assertThat(outcome).isInstanceOf(RdOutcome.InFlight.class);
        RdOutcome settled = ((RdOutcome.InFlight) outcome).settled().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(settled).isInstanceOfSatisfying(RdOutcome.Accepted.class,
                a -> assertThat(a.body().path("event_uuid").asText()).isEqualTo("late-but-there"));
        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)));
    }

    @Test
    void aBadRequestIsNeverRetried() {
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(json(400,
                "{\"errors\":[{\"error_type\":\"INVALID_FORMAT\",\"error_message\":\"Invalid email.\",\"path\":\"$.body.payload.email\"}]}")));

        operator().body(SALE).post("/events").then().statusCode(400)
                .body("errors[0].path", org.hamcrest.Matchers.equalTo("$.body.payload.email"));

        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)));
    }

    @Test
    void anExpiredTokenIsRenewedOnceAndTheEventResent() {
        RdStubs.inTurn(rd, EVENTS, List.of(
                json(401, "{\"errors\":[{\"error_type\":\"UNAUTHORIZED\",\"error_message\":\"Expired token\"}]}")
                        .withHeader("WWW-Authenticate", "Bearer realm=\"api\", error=\"expired_token\""),
                accepted("u-1")));

        operator().body(SALE).post("/events").then().statusCode(200);

        rd.verify(2, postRequestedFor(urlEqualTo("/auth/token"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson(
                        "{\"client_id\":\"client-id\",\"client_secret\":\"client-secret\",\"refresh_token\":\"refresh-token\"}")));
        rd.verify(2, postRequestedFor(urlPathEqualTo(EVENTS)));
    }

    @Test
    void credentialsRdKeepsRefusingAre502NamingTheVariables() {
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(json(401, "{}")));

        operator().body(SALE).post("/events").then().statusCode(502)
                .body("errors[0].error_type", org.hamcrest.Matchers.equalTo("RD_CREDENTIALS_REFUSED"))
                .body("errors[0].error_message", containsString("PONTE_RD_CLIENT_ID"));

        rd.verify(2, postRequestedFor(urlPathEqualTo(EVENTS)));
        rd.verify(2, postRequestedFor(urlEqualTo("/auth/token")));
    }

    @Test
    void aRefusedRefreshTokenIs502() {
        rd.stubFor(post(urlEqualTo("/auth/token")).willReturn(json(401,
                "{\"errors\":{\"error_type\":\"INVALID_REFRESH_TOKEN\",\"error_message\":\"Invalid refresh token.\"}}")));

        operator().body(SALE).post("/events").then().statusCode(502)
                .body("errors[0].error_message", containsString("PONTE_RD_REFRESH_TOKEN"));

        rd.verify(0, postRequestedFor(urlPathEqualTo(EVENTS)));
    }

    @Test
    void theTokenIsKeptUntilShortlyBeforeItExpires() {
        RdStubs.acceptEvents(rd);
        // Valid for 400 s, renewed 5 min before: usable for the first 100 s.
        WireMockRd.stubToken(rd, "short-lived", 400);

        operator().body(SALE).post("/events").then().statusCode(200);
        TestClock.advance(Duration.ofSeconds(90));
        operator().body(SALE).post("/events").then().statusCode(200);
        rd.verify(1, postRequestedFor(urlEqualTo("/auth/token")));

        WireMockRd.stubToken(rd, "renewed", 86_400);
        TestClock.advance(Duration.ofSeconds(20));
        operator().body(SALE).post("/events").then().statusCode(200);

        rd.verify(2, postRequestedFor(urlEqualTo("/auth/token")));
        rd.verify(2, postRequestedFor(urlPathEqualTo(EVENTS)).withHeader("Authorization", equalTo("Bearer short-lived")));
        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)).withHeader("Authorization", equalTo("Bearer renewed")));
    }

    @Test
    void aTokenFetchedAheadServesTheFirstEventWithoutAnotherFetch() {
        RdStubs.acceptEvents(rd);
        WireMockRd.stubToken(rd, "fetched-ahead", 86_400);
        TestClock.advance(Duration.ofDays(2)); // whatever token earlier tests left is stale now

        assertThat(tokens.fetchAhead()).as("OAuth credentials: a token to fetch").isTrue();
        rd.verify(1, postRequestedFor(urlEqualTo("/auth/token")));

        operator().body(SALE).post("/events").then().statusCode(200);
        rd.verify(1, postRequestedFor(urlEqualTo("/auth/token")));
        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)).withHeader("Authorization", equalTo("Bearer fetched-ahead")));
    }

    @Test
    void concurrentRequestsShareOneRefresh() throws Exception {
        RdStubs.acceptEvents(rd);
        rd.stubFor(post(urlEqualTo("/auth/token")).willReturn(json(200,
                "{\"access_token\":\"shared\",\"expires_in\":86400}").withFixedDelay(300)));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Callable<Integer> send = () -> operator().body(SALE).post("/events").statusCode();
            List<Future<Integer>> answers = pool.invokeAll(IntStream.range(0, 8).mapToObj(i -> send).toList());
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        rd.verify(1, postRequestedFor(urlEqualTo("/auth/token")));
        rd.verify(8, postRequestedFor(urlPathEqualTo(EVENTS)).withHeader("Authorization", equalTo("Bearer shared")));
    }

    @Test
    void aSustainedOutageOpensTheCircuitThenOneProbeFindsRdBack() {
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(json(500, "{}")));
        operator().body(SALE).post("/events").then().statusCode(202).body("outcome", org.hamcrest.Matchers.equalTo("parked"));
        assertThat(breakers.isOpen()).isFalse(); // failing, but not for long yet
        TestClock.advance(Duration.ofSeconds(11));
        operator().body(SALE).post("/events").then().statusCode(202);
        assertThat(breakers.isOpen()).isTrue();
        int sent = rd.findAll(postRequestedFor(urlPathEqualTo(EVENTS))).size();

        long started = System.nanoTime();
        operator().body(SALE).post("/events").then().statusCode(202)
                .body("reason", containsString("circuit open"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
        rd.verify(sent, postRequestedFor(urlPathEqualTo(EVENTS)));

        RdStubs.acceptEvents(rd);
        TestClock.advance(Duration.ofSeconds(3)); // time for the next probe
        operator().body(SALE).post("/events").then().statusCode(200);
        assertThat(breakers.isOpen()).isFalse();
        rd.verify(sent + 1, postRequestedFor(urlPathEqualTo(EVENTS)));
    }

    @Test
    void errorsTheRetriesRecoverFromNeverOpenTheCircuit() {
        for (int i = 0; i < 4; i++) {
            rd.resetAll();
            WireMockRd.stubToken(rd, WireMockRd.ACCESS_TOKEN, 86_400);
            RdStubs.inTurn(rd, EVENTS, List.of(json(503, ""), json(500, "{}"), accepted("u-" + i)));
            operator().body(SALE).post("/events").then().statusCode(200);
            TestClock.advance(Duration.ofSeconds(4));
        }
        assertThat(breakers.isOpen()).isFalse();
    }
}
