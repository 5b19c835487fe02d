package dev.ponte.vendors.tawkto;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** tawk.to over real HTTP, signed as tawk.to signs, into a WireMock RD. */
@QuarkusTest
@WithTestResource(WireMockRd.class)
class TawkToWebhookTest {

    @InjectRd
    WireMockServer rd;

    @Inject
    RdCircuit breakers;

    @BeforeEach
    void fresh() {
        RdStubs.reset(rd);
        breakers.reset();
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(accepted("chat-1")));
    }

    static io.restassured.response.Response send(String body, String eventId) {
        return given().contentType("application/json").header("X-Hook-Event-Id", eventId)
                .header("X-Tawk-Signature", Signatures.hex(Signatures.Algorithm.SHA1, WireMockRd.TAWKTO_SECRET,
                        body.getBytes(StandardCharsets.UTF_8)))
                .body(body).post("/webhooks/tawkto");
    }

    @Test
    void aChatFinishesInRdOnceWhetherTheEndOrTheTranscriptComesFirst() {
        String transcript = Fixtures.text("vendors/tawkto/chat-transcript-created.json").replace("70fe3290", "81ae4401");
        String end = Fixtures.text("vendors/tawkto/chat-end.json").replace("70fe3290", "81ae4401");
        send(transcript, "evt-transcript").then().statusCode(200).body("outcome", equalTo("delivered"));
        send(end, "evt-end").then().statusCode(200).body("outcome", equalTo("duplicate"));
        send(transcript, "evt-transcript").then().statusCode(200).body("outcome", equalTo("duplicate"));

        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)));
        rd.verify(postRequestedFor(urlPathEqualTo(EVENTS)).withRequestBody(equalToJson(
                Fixtures.json("vendors/tawkto/chat-transcript-created.expected.json").get(0).toString()
                        .replace("70fe3290", "81ae4401"))));
    }

    @Test
    void aForgedWebhookIsRefused() {
        given().contentType("application/json").header("X-Tawk-Signature", "0000")
                .body(Fixtures.text("vendors/tawkto/ticket-create.json")).post("/webhooks/tawkto")
                .then().statusCode(401).body("errors[0].error_type", equalTo("INVALID_SIGNATURE"));
        rd.verify(0, postRequestedFor(urlPathEqualTo(EVENTS)));
    }
}
