package dev.ponte.vendors.zoom;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ponte.testing.RdStubs.EVENTS;
import static dev.ponte.testing.RdStubs.accepted;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ponte.mapping.Signatures;
import dev.ponte.rd.RdCircuit;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.InjectRd;
import dev.ponte.testing.RdStubs;
import dev.ponte.testing.WireMockRd;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Zoom over real HTTP, signed as Zoom signs, into a WireMock RD. */
@QuarkusTest
@WithTestResource(WireMockRd.class)
class ZoomWebhookTest {

    @InjectRd
    WireMockServer rd;

    @Inject
    RdCircuit breakers;

    @Inject
    Clock clock;

    @BeforeEach
    void fresh() {
        RdStubs.reset(rd);
        breakers.reset();
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(accepted("media-1")));
    }

    io.restassured.response.Response send(String body) {
        long now = clock.instant().getEpochSecond();
        return given().contentType("application/json").header("x-zm-request-timestamp", Long.toString(now))
                .header("x-zm-signature", "v0=" + Signatures.hex(Signatures.Algorithm.SHA256, WireMockRd.ZOOM_SECRET,
                        ("v0:" + now + ":" + body).getBytes(StandardCharsets.UTF_8)))
                .body(body).post("/webhooks/zoom");
    }

    @Test
    void anAttendeeWatchesHalfTheWebinar() {
        String joined = Fixtures.text("vendors/zoom/webinar.participant_joined.json").replace("4444AAA", "7777AAA");
        String left = Fixtures.text("vendors/zoom/webinar.participant_left.json").replace("4444AAA", "7777AAA");
        send(joined).then().statusCode(200).body("outcome", equalTo("delivered"));
        send(left).then().statusCode(200).body("outcome", equalTo("delivered"));
        send(left).then().statusCode(200).body("outcome", equalTo("duplicate"));

        rd.verify(2, postRequestedFor(urlPathEqualTo(EVENTS)));
        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)).withRequestBody(equalToJson(
                Fixtures.json("vendors/zoom/webinar.participant_left.expected.json").get(0).toString())));
    }

    @Test
    void theUrlValidationIsAnsweredAndAForgeryRefused() {
        send("{\"payload\":{\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\"},\"event_ts\":1654503849680,\"event\":\"endpoint.url_validation\"}")
                .then().statusCode(200).body("plainToken", equalTo("qgg8vlvZRS6UYooatFL8Aw"))
                .body("encryptedToken", equalTo(Signatures.hex(Signatures.Algorithm.SHA256, WireMockRd.ZOOM_SECRET,
                        "qgg8vlvZRS6UYooatFL8Aw".getBytes(StandardCharsets.UTF_8))));
        given().contentType("application/json").header("x-zm-request-timestamp", "1626230751").header("x-zm-signature", "v0=00")
                .body(Fixtures.text("vendors/zoom/webinar.participant_joined.json")).post("/webhooks/zoom").then().statusCode(401);
        rd.verify(0, postRequestedFor(urlPathEqualTo(EVENTS)));
    }
}
