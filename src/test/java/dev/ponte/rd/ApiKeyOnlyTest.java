package dev.ponte.rd;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ponte.testing.RdStubs.accepted;
import static dev.ponte.testing.RdStubs.operator;
import static org.hamcrest.Matchers.containsString;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ponte.rd.events.EventType;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.InjectRd;
import dev.ponte.testing.WireMockRd;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With only PONTE_RD_API_KEY, CONVERSION goes through RD's legacy endpoint and nothing else is sent. */
@QuarkusTest
@WithTestResource(value = WireMockRd.class, initArgs = @ResourceArg(name = "credentials", value = "api-key"))
class ApiKeyOnlyTest {

    @InjectRd
    WireMockServer rd;

    @BeforeEach
    void freshRd() {
        rd.resetAll();
    }

    @Test
    void conversionGoesThroughTheLegacyEndpoint() {
        rd.stubFor(post(urlPathEqualTo("/platform/conversions")).willReturn(accepted("c-1")));
        String conversion = Fixtures.rdExample(EventType.CONVERSION);

        operator().body(conversion).post("/events").then().statusCode(200)
                .body("event_uuid", org.hamcrest.Matchers.equalTo("c-1"));

        rd.verify(1, postRequestedFor(urlPathEqualTo("/platform/conversions"))
                .withQueryParam("api_key", equalTo(WireMockRd.API_KEY))
                .withRequestBody(equalToJson(conversion)));
        rd.verify(0, postRequestedFor(urlPathEqualTo("/auth/token")));
    }

    @Test
    void otherEventsNeedOAuthAndSayWhich() {
        operator().body(Fixtures.rdExample(EventType.SALE)).post("/events").then().statusCode(502)
                .body("errors[0].error_type", org.hamcrest.Matchers.equalTo("RD_CREDENTIALS_REFUSED"))
                .body("errors[0].error_message", containsString("SALE events need OAuth credentials"))
                .body("errors[0].error_message", containsString("PONTE_RD_CLIENT_ID"));
        operator().body("[" + Fixtures.rdExample(EventType.CONVERSION) + "]").post("/events/batch").then()
                .statusCode(502);
        rd.verify(0, postRequestedFor(urlMatching(".*")));
    }
}
