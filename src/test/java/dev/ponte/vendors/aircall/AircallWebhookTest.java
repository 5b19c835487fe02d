package dev.ponte.vendors.aircall;

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

/** Aircall over real HTTP, into a WireMock RD. */
@QuarkusTest
@WithTestResource(WireMockRd.class)
class AircallWebhookTest {

    static final String BODY = Fixtures.text("vendors/aircall/call.ended.json").replace("aircall-webhook-token", WireMockRd.AIRCALL_TOKEN);

    @InjectRd
    WireMockServer rd;

    @Inject
    RdCircuit breakers;

    @BeforeEach
    void fresh() {
        RdStubs.reset(rd);
        breakers.reset();
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(accepted("call-1")));
    }

    @Test
    void anEndedCallReachesRdOnce() {
        for (String expected : new String[] {"delivered", "duplicate"}) {
            given().contentType("application/json").body(BODY).post("/webhooks/aircall").then().statusCode(200)
                    .body("outcome", equalTo(expected));
        }
        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)).withRequestBody(equalToJson(
                Fixtures.json("vendors/aircall/call.ended.expected.json").get(0).toString())));
    }

    @Test
    void aWrongTokenIsRefused() {
        given().contentType("application/json").body(BODY.replace(WireMockRd.AIRCALL_TOKEN, "guessed"))
                .post("/webhooks/aircall").then().statusCode(401);
        rd.verify(0, postRequestedFor(urlPathEqualTo(EVENTS)));
    }
}
