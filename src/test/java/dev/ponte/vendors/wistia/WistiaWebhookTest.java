package dev.ponte.vendors.wistia;

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

/** Wistia over real HTTP, signed as Wistia signs, into a WireMock RD. */
@QuarkusTest
@WithTestResource(WireMockRd.class)
class WistiaWebhookTest {

    @InjectRd
    WireMockServer rd;

    @Inject
    RdCircuit breakers;

    @BeforeEach
    void fresh() {
        RdStubs.reset(rd);
        breakers.reset();
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(accepted("media-1")));
    }

    static io.restassured.response.Response send(String body) {
        return given().contentType("application/json").header("X-Wistia-Signature",
                Signatures.hex(Signatures.Algorithm.SHA256, WireMockRd.WISTIA_SECRET, body.getBytes(StandardCharsets.UTF_8)))
                .body(body).post("/webhooks/wistia");
    }

    @Test
    void eachEventReachesRdOnceEvenWhenWistiaResendsTheBody() {
        String body = Fixtures.text("vendors/wistia/viewing-session.json");
        send(body).then().statusCode(200).body("outcome", equalTo("delivered"));
        send(body).then().statusCode(200).body("outcome", equalTo("duplicate"));

        rd.verify(3, postRequestedFor(urlPathEqualTo(EVENTS)));
        var expected = Fixtures.json("vendors/wistia/viewing-session.expected.json");
        for (int i = 0; i < expected.size(); i++) {
            rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)).withRequestBody(equalToJson(expected.get(i).toString())));
        }
    }

    @Test
    void aForgedBodyIsRefused() {
        given().contentType("application/json").header("X-Wistia-Signature", "00")
                .body(Fixtures.text("vendors/wistia/viewing-session.json")).post("/webhooks/wistia").then().statusCode(401);
        rd.verify(0, postRequestedFor(urlPathEqualTo(EVENTS)));
    }
}
