package dev.ponte.vendors.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ponte.testing.RdStubs.EVENTS;
import static dev.ponte.testing.RdStubs.accepted;
import static dev.ponte.testing.RdStubs.operator;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ponte.delivery.Delivery;
import dev.ponte.delivery.DeliverySink;
import dev.ponte.delivery.Intake;
import dev.ponte.delivery.Redelivery;
import dev.ponte.mapping.FormBody;
import dev.ponte.rd.events.ConversionPayloadBuilder;
import dev.ponte.rd.events.RdEvent;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.FreshState;
import dev.ponte.testing.InjectRd;
import dev.ponte.testing.RdStubs;
import dev.ponte.testing.WireMockRd;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Twilio over real HTTP: form-encoded, signed over PONTE_PUBLIC_URL, into a WireMock RD. */
@QuarkusTest
@WithTestResource(WireMockRd.class)
class TwilioWebhookTest {

    static final String BODY = Fixtures.text("vendors/twilio/status-callback-completed.form");

    @InjectRd
    WireMockServer rd;

    @Inject
    FreshState fresh;

    @Inject
    Intake intake;

    @Inject
    Redelivery redelivery;

    @BeforeEach
    void fresh() {
        fresh.reset(rd);
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(accepted("call-1")));
    }

    static io.restassured.response.Response twilio(String pathAndQuery, String body) {
        String signature = TwilioSignature.of(WireMockRd.TWILIO_TOKEN, WireMockRd.PUBLIC_URL + pathAndQuery, FormBody.parse(body));
        // Sent verbatim: Twilio calls the URL exactly as configured, and signs that.
        return given().urlEncodingEnabled(false).contentType("application/x-www-form-urlencoded; charset=UTF-8").header("X-Twilio-Signature", signature)
                .body(body).post(pathAndQuery);
    }

    @Test
    void aCompletedCallReachesRdWithTheEmailOnTheUrl() {
        twilio("/webhooks/twilio?email=lead@example.com.br", BODY).then().statusCode(200)
                .body("outcome", equalTo("delivered"));

        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)).withRequestBody(equalToJson(
                Fixtures.json("vendors/twilio/status-callback-completed.expected.json").get(0).toString())));
    }

    @Test
    void aCallNobodyKnowsWaitsAsADeadLetterAndIsSentOnItsOwnOnceTheNumberIsLearned() {
        twilio("/webhooks/twilio", BODY.replace("CAbe982f58915a2def4cf7aaa1f1766236", "CAunknown0000000000000000000000001"))
                .then().statusCode(200).body("outcome", equalTo("parked"))
                .body("reason", startsWith("No email for +551135892112"));
        rd.verify(0, postRequestedFor(urlPathEqualTo(EVENTS)));

        operator().get("/admin/dead-letters").then().body("[0].status", equalTo("held"))
                .body("[0].cause", equalTo("no_contact")).body("[0].next_attempt_at", nullValue());
        assertThat(redelivery.sweep().delivered()).isZero();

        // Later the lead converts on a form that asks for the phone: Ponte learns the number.
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(accepted("conversion")));
        intake.accept(Delivery.builder().source("forms").deliveryId("f-1").events(List.of(RdEvent.of(ConversionPayloadBuilder.builder()
                .conversionIdentifier("contato")
                .name("Lead")
                .email("lead@example.com.br")
                .personalPhone("+55 11 3589-2112")
                .build()))).build(),
                DeliverySink.Urgency.ANSWERING);
        rd.resetRequests();

        // No operator: the letter waiting for that number is due at once, and the next sweep sends it.
        assertThat(redelivery.sweep().delivered()).isEqualTo(1);
        operator().get("/admin/dead-letters").then().body("", hasSize(0));
        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)).withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.payload.email", com.github.tomakehurst.wiremock.client.WireMock.equalTo("lead@example.com.br"))));
    }

    @Test
    void aSignatureOverAnotherUrlIsRefused() {
        given().contentType("application/x-www-form-urlencoded").header("X-Twilio-Signature",
                TwilioSignature.of(WireMockRd.TWILIO_TOKEN, "http://localhost/webhooks/twilio", FormBody.parse(BODY)))
                .body(BODY).post("/webhooks/twilio").then().statusCode(401);
        rd.verify(0, postRequestedFor(urlPathEqualTo(EVENTS)));
    }
}
