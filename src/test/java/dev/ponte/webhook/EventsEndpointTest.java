package dev.ponte.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static dev.ponte.testing.RdStubs.BATCH;
import static dev.ponte.testing.RdStubs.EVENTS;
import static dev.ponte.testing.RdStubs.json;
import static dev.ponte.testing.RdStubs.operator;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ponte.rd.RdCircuit;
import dev.ponte.rd.events.EventType;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.InjectRd;
import dev.ponte.testing.RdStubs;
import dev.ponte.testing.WireMockRd;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@QuarkusTest
@WithTestResource(WireMockRd.class)
class EventsEndpointTest {

    @InjectRd
    WireMockServer rd;

    @Inject
    RdCircuit breakers;

    @BeforeEach
    void freshRd() {
        RdStubs.reset(rd);
        breakers.reset();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eachDocumentedEventReachesRdUnchangedWithTheBearerToken(EventType type) {
        RdStubs.acceptEvents(rd);
        String example = Fixtures.rdExample(type);

        operator().body(example).post("/events")
                .then().statusCode(200).body("event_uuid", equalTo("5408c5a3-4711-4f2e-8d0b-13407a3e30f3"));

        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + WireMockRd.ACCESS_TOKEN))
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(equalToJson(example)));
        // RD's pages name the ECOMMERCE_* type in the URL too; the older types go as they always did.
        if (type.ecommerce()) {
            rd.verify(1, postRequestedFor(urlEqualTo(EVENTS + "?event_type=" + type.name())));
        } else {
            rd.verify(1, postRequestedFor(urlEqualTo(EVENTS)));
        }
    }

    /** Found by {@code EdgeFuzzTest}: a custom field given as null was answered 500. */
    @Test
    void aConversionWithACustomFieldGivenAsNullIsSentWithoutIt() {
        RdStubs.acceptEvents(rd);
        String conversion = "{\"event_type\":\"CONVERSION\",\"event_family\":\"CDP\",\"payload\":{"
                + "\"conversion_identifier\":\"newsletter\",\"email\":\"maria@example.com\",\"cf_plan\":null,\"cf_source\":\"site\"}}";

        operator().body(conversion).post("/events").then().statusCode(200);

        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)).withRequestBody(equalToJson("{\"event_type\":\"CONVERSION\","
                + "\"event_family\":\"CDP\",\"payload\":{\"conversion_identifier\":\"newsletter\",\"email\":\"maria@example.com\","
                + "\"cf_source\":\"site\"}}")));
    }

    @Test
    void withoutTheApiTokenNothingIsSent() {
        given().contentType(ContentType.JSON).body(Fixtures.rdExample(EventType.SALE)).post("/events")
                .then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .body("errors[0].error_type", equalTo("UNAUTHORIZED"));
        given().header("Authorization", "Bearer not-the-token").contentType(ContentType.JSON)
                .body(Fixtures.rdExample(EventType.SALE)).post("/events/batch")
                .then().statusCode(401).body("errors[0].error_message", equalTo("The bearer token is not PONTE_API_TOKEN."));
        given().header("Authorization", "Basic " + WireMockRd.API_TOKEN).contentType(ContentType.JSON)
                .body(Fixtures.rdExample(EventType.SALE)).post("/events").then().statusCode(401);
        assertThat(rd.getAllServeEvents()).isEmpty();
    }

    @Test
    void anotherContentTypeIs415() {
        operator().contentType(ContentType.TEXT).body(Fixtures.rdExample(EventType.SALE)).post("/events")
                .then().statusCode(415)
                .body("errors[0].error_type", equalTo("UNSUPPORTED_MEDIA_TYPE"))
                .body("errors[0].error_message", containsString("application/json"));
        assertThat(rd.getAllServeEvents()).isEmpty();
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String huge = "{\"padding\":\"" + "x".repeat(1_100_000) + "\"}";
        operator().body(huge).post("/events")
                .then().statusCode(413).body("errors[0].error_type", equalTo("PAYLOAD_TOO_LARGE"))
                .body("errors[0].error_message", containsString("PONTE_MAX_BODY_SIZE"));
        assertThat(rd.getAllServeEvents()).isEmpty();
    }

    @Test
    void malformedJsonIs400() {
        operator().body("{\"event_type\": \"SALE\",").post("/events")
                .then().statusCode(400).body("errors[0].error_type", equalTo("INVALID_FORMAT"))
                .body("errors[0].error_message", containsString("not valid JSON"));
        assertThat(rd.getAllServeEvents()).isEmpty();
    }

    @Test
    void anInvalidEventListsEveryViolationAndSendsNothing() {
        String order = """
                {"event_type":"ORDER_PLACED","event_family":"CDP","payload":{
                  "email":"maria@","cf_order_id":"1001","cf_order_total_items":"2",
                  "cf_order_payment_method":"Pix","cf_order_payment_amount":40.2}}
                """;
        operator().body(order).post("/events")
                .then().statusCode(400)
                .body("errors.path", contains("$.body.payload.email", "$.body.payload.cf_order_total_items",
                        "$.body.payload.cf_order_status", "$.body.payload.cf_order_payment_method"))
                .body("errors.error_type", contains("INVALID_FORMAT", "INVALID_FORMAT", "CANNOT_BE_NULL", "INVALID_OPTION"))
                .body("errors[3].validation_rules.valid_options",
                        contains("Credit Card", "Debit Card", "Invoice", "Others"));
        assertThat(rd.getAllServeEvents()).isEmpty();
    }

    /** Tracing is off by default (TracingTest turns it on): RD sees nothing of the caller's trace. */
    @Test
    void withTracingOffACallersTraceIsNotPassedOn() {
        RdStubs.acceptEvents(rd);
        operator().header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .body(Fixtures.rdExample(EventType.SALE)).post("/events").then().statusCode(200);

        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)).withoutHeader("traceparent"));
    }

    @Test
    void anUnknownEventTypeIsRdsInvalidOption() {
        operator().body("{\"event_type\":\"ORDER_SHIPPED\",\"event_family\":\"CDP\",\"payload\":{}}").post("/events")
                .then().statusCode(400)
                .body("errors[0].error_type", equalTo("INVALID_OPTION"))
                .body("errors[0].error_message", equalTo("Must be one of the valid options."))
                .body("errors[0].path", equalTo("$.body.event_type"))
                .body("errors[0].validation_rules.valid_options", hasSize(EventType.values().length));
    }

    @Test
    void rdRefusingTheEventIsPassedThrough() {
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(json(422, """
                {"errors":[{"error_type":"CONTACT_NOT_FOUND","error_message":"Contact not found.","path":"$.body.payload.email"}]}
                """)));
        operator().body(Fixtures.rdExample(EventType.OPPORTUNITY)).post("/events")
                .then().statusCode(422)
                .body("errors[0].error_type", equalTo("CONTACT_NOT_FOUND"))
                .body("errors[0].path", equalTo("$.body.payload.email"));
        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)));
    }

    @Test
    void rdErrorsThatAreNotAnArrayAreStillReadable() {
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(json(400,
                "{\"errors\":{\"error_type\":\"BAD_REQUEST\",\"error_message\":\"Invalid payload.\"}}")));
        operator().body(Fixtures.rdExample(EventType.SALE)).post("/events")
                .then().statusCode(400).body("errors[0].error_type", equalTo("BAD_REQUEST"))
                .body("errors[0].error_message", equalTo("Invalid payload."));

        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(json(400, "<html>Bad Request</html>")));
        operator().body(Fixtures.rdExample(EventType.SALE)).post("/events")
                .then().statusCode(400).body("errors[0].error_type", equalTo("RD_ERROR"))
                .body("errors[0].error_message", containsString("<html>Bad Request</html>"));
    }

    @Test
    void aBatchIsOneCallWithUuidsInRequestOrder() {
        rd.stubFor(post(urlEqualTo(BATCH)).willReturn(json(200, """
                {"event_batch_uuid":"batch-1","events":[{"event_uuid":"u-1"},{"event_uuid":"u-2"},{"event_uuid":"u-3"}]}
                """)));
        String batch = "[" + Fixtures.rdExample(EventType.ORDER_PLACED) + "," + Fixtures.rdExample(EventType.ORDER_PLACED_ITEM)
                + "," + Fixtures.rdExample(EventType.SALE) + "]";

        operator().body(batch).post("/events/batch")
                .then().statusCode(200)
                .body("event_batch_uuid", equalTo("batch-1"))
                .body("event_batch_uuids", nullValue())
                .body("events.event_uuid", contains("u-1", "u-2", "u-3"));

        rd.verify(1, postRequestedFor(urlEqualTo(BATCH)).withRequestBody(equalToJson(batch)));
    }

    @Test
    void aBatchOverPointTwoMegabytesIsSplitInOrder() {
        // Three chats of ~90 kB each: two fit in one 0.2 MB body, the third goes in a second call.
        String transcript = "Ola! ".repeat(18_000); // 90 kB of ASCII
        String events = IntStream.range(0, 3).mapToObj(i -> """
                {"event_type":"CHAT_FINISHED","event_family":"CDP","payload":{"email":"c%d@example.com",
                 "chat_subject":"Pedido","cf_chat_status":"finished","cf_chat_transcript_message":"%s"}}
                """.formatted(i, transcript)).collect(Collectors.joining(",", "[", "]"));
        RdStubs.inTurn(rd, BATCH, java.util.List.of(
                json(200, "{\"event_batch_uuid\":\"b-1\",\"events\":[{\"event_uuid\":\"u-0\"},{\"event_uuid\":\"u-1\"}]}"),
                json(200, "{\"event_batch_uuid\":\"b-2\",\"events\":[{\"event_uuid\":\"u-2\"}]}")));

        operator().body(events).post("/events/batch")
                .then().statusCode(200)
                .body("event_batch_uuid", equalTo("b-1"))
                .body("event_batch_uuids", contains("b-1", "b-2"))
                .body("events.event_uuid", contains("u-0", "u-1", "u-2"));

        var bodies = rd.findAll(postRequestedFor(urlEqualTo(BATCH)));
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(0).getBody().length).isLessThanOrEqualTo(200_000);
        assertThat(bodies.get(0).getBodyAsString()).contains("c0@example.com", "c1@example.com");
        assertThat(bodies.get(1).getBodyAsString()).contains("c2@example.com").doesNotContain("c1@example.com");
    }

    @Test
    void batchViolationsNameTheirIndex() {
        String batch = "[" + Fixtures.rdExample(EventType.SALE) + ",{\"event_type\":\"SALE\",\"event_family\":\"CDP\","
                + "\"payload\":{\"funnel_name\":\"default\"}}]";
        operator().body(batch).post("/events/batch")
                .then().statusCode(400).body("errors.path", contains("$.body[1].payload.email"));
        operator().body("[]").post("/events/batch").then().statusCode(400).body("errors[0].path", equalTo("$.body"));
        operator().body(Fixtures.rdExample(EventType.SALE)).post("/events/batch").then().statusCode(400);
        rd.verify(0, postRequestedFor(urlMatching("/platform/.*")));
    }
}
