package dev.ponte.vendors.intercom;

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

/** Intercom over real HTTP, signed as Intercom signs, into a WireMock RD. */
@QuarkusTest
@WithTestResource(WireMockRd.class)
class IntercomWebhookTest {

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

    static io.restassured.response.Response send(String body) {
        return given().contentType("application/json").header("X-Hub-Signature", "sha1="
                + Signatures.hex(Signatures.Algorithm.SHA1, WireMockRd.INTERCOM_SECRET, body.getBytes(StandardCharsets.UTF_8)))
                .body(body).post("/webhooks/intercom");
    }

    @Test
    void aClosedConversationReachesRdWithItsTranscript() {
        send(Fixtures.text("vendors/intercom/conversation.admin.closed.json")).then().statusCode(200)
                .body("outcome", equalTo("delivered"));
        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)).withRequestBody(equalToJson(
                Fixtures.json("vendors/intercom/conversation.admin.closed.expected.json").get(0).toString())));
    }

    @Test
    void thePingIsAnsweredAndAForgeryRefused() {
        send(Fixtures.text("vendors/intercom/ping.json")).then().statusCode(200).body("outcome", equalTo("pong"));
        given().contentType("application/json").header("X-Hub-Signature", "sha1=0000")
                .body(Fixtures.text("vendors/intercom/ping.json")).post("/webhooks/intercom").then().statusCode(401);
        rd.verify(0, postRequestedFor(urlPathEqualTo(EVENTS)));
    }
}
