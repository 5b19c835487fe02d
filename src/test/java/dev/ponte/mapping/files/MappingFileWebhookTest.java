package dev.ponte.mapping.files;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A vendor Ponte knows only from a file in PONTE_MAPPINGS_DIR, over real HTTP into a WireMock RD. */
@QuarkusTest
@TestProfile(MappingFileWebhookTest.WithMappingsDir.class)
@WithTestResource(WireMockRd.class)
class MappingFileWebhookTest {

    public static class WithMappingsDir implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The build's copy, since a start leaves its stamp of checked files in the directory.
            return Map.of("ponte.mappings.dir", "target/test-classes/mappings-dir",
                    "ponte.vendors.tawkto-file.secret", FileMapperTest.SECRET);
        }
    }

    @InjectRd
    WireMockServer rd;

    @Inject
    RdCircuit breakers;

    @BeforeEach
    void fresh() {
        RdStubs.reset(rd);
        breakers.reset();
        RdStubs.acceptEvents(rd);
    }

    @Test
    void aSignedWebhookBecomesTheEventsTheFileSays() {
        String body = Fixtures.text("vendors/tawkto/chat-start.json");
        given().contentType("application/json")
                .header("X-Tawk-Signature", Signatures.hex(Signatures.Algorithm.SHA1, FileMapperTest.SECRET,
                        body.getBytes(StandardCharsets.UTF_8)))
                .body(body).post("/webhooks/tawkto-file")
                .then().statusCode(200).body("outcome", equalTo("delivered"));
        rd.verify(1, postRequestedFor(urlPathEqualTo(RdStubs.EVENTS)).withRequestBody(equalToJson(
                Fixtures.json("vendors/tawkto/chat-start.expected.json").get(0).toString())));
    }

    @Test
    void aForgedOneIsRefused() {
        given().contentType("application/json").header("X-Tawk-Signature", "00")
                .body(Fixtures.text("vendors/tawkto/chat-start.json")).post("/webhooks/tawkto-file")
                .then().statusCode(401).body("errors[0].error_type", equalTo("INVALID_SIGNATURE"));
        rd.verify(0, postRequestedFor(urlPathEqualTo(RdStubs.EVENTS)));
    }
}
