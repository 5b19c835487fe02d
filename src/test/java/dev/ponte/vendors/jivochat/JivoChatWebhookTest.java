package dev.ponte.vendors.jivochat;

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
import dev.ponte.rd.RdCircuit;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.InjectRd;
import dev.ponte.testing.RdStubs;
import dev.ponte.testing.WireMockRd;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JivoChat over real HTTP, into a WireMock RD. */
@QuarkusTest
@WithTestResource(WireMockRd.class)
class JivoChatWebhookTest {

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

    @Test
    void aFinishedChatReachesRdOnceWithItsTranscript() {
        String body = Fixtures.text("vendors/jivochat/chat_finished.json");
        for (String expected : new String[] {"delivered", "duplicate"}) {
            given().contentType("application/json").queryParam("token", WireMockRd.JIVOCHAT_TOKEN).body(body)
                    .post("/webhooks/jivochat").then().statusCode(200).body("outcome", equalTo(expected));
        }
        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)).withRequestBody(equalToJson(
                Fixtures.json("vendors/jivochat/chat_finished.expected.json").get(0).toString())));
    }

    @Test
    void aDeadLetterKeepsNoTokenAndStillReplays() {
        String body = Fixtures.text("vendors/jivochat/chat_finished.json").replace("\"chat_id\": 7607", "\"chat_id\": 7608");
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(RdStubs.json(400,
                "{\"errors\":[{\"error_type\":\"INVALID\",\"error_message\":\"refused\"}]}")));
        String letter = given().contentType("application/json").queryParam("token", WireMockRd.JIVOCHAT_TOKEN).body(body)
                .post("/webhooks/jivochat").then().statusCode(200).body("outcome", equalTo("parked"))
                .extract().path("dead_letter");

        String stored = RdStubs.operator().get("/admin/dead-letters").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(stored).contains(letter).doesNotContain(WireMockRd.JIVOCHAT_TOKEN);

        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(accepted("chat-2")));
        RdStubs.operator().post("/admin/dead-letters/" + letter + "/replay").then().statusCode(200);
        rd.verify(2, postRequestedFor(urlPathEqualTo(EVENTS)));
    }

    @Test
    void aUrlWithoutTheTokenIsRefused() {
        given().contentType("application/json").queryParam("token", "guessed")
                .body(Fixtures.text("vendors/jivochat/chat_accepted.json")).post("/webhooks/jivochat")
                .then().statusCode(401).body("errors[0].error_type", equalTo("INVALID_SIGNATURE"));
        rd.verify(0, postRequestedFor(urlPathEqualTo(EVENTS)));
    }
}
