package dev.ponte.mapping.files;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ponte.rd.RdCircuit;
import dev.ponte.testing.InjectRd;
import dev.ponte.testing.RdStubs;
import dev.ponte.testing.WireMockRd;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With PONTE_MAPPINGS_RELOAD (dev mode's default), a changed file is used from the next webhook, no restart. */
@QuarkusTest
@TestProfile(MappingReloadTest.Reloading.class)
@WithTestResource(WireMockRd.class)
class MappingReloadTest {

    static final Path DIR = Path.of("target/reload-mappings");
    static final Path FILE = DIR.resolve("acme.yaml");

    public static class Reloading implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            write("acme-first");
            return Map.of("ponte.mappings.dir", DIR.toString(), "ponte.mappings.reload", "true",
                    "ponte.vendors.acme.secret", "acme-token");
        }
    }

    static void write(String identifier) {
        write("""
                vendor: acme
                verify: {preset: header-token, header: X-Acme-Token}
                topic: kind
                delivery-id: id
                topics:
                  lead:
                    events:
                      - type: CONVERSION
                        fields:
                          conversion_identifier: "'%s'"
                          email: email
                """.formatted(identifier), true);
    }

    static void write(String text, boolean whole) {
        try {
            Files.createDirectories(DIR);
            Files.writeString(FILE, text);
            // A later time than the last write, whatever the file system's resolution.
            Files.setLastModifiedTime(FILE, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()
                    + (whole ? 0 : 1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    static void lead(String id) {
        given().contentType("application/json").header("X-Acme-Token", "acme-token")
                .body("{\"kind\":\"lead\",\"id\":\"" + id + "\",\"email\":\"ana@example.com\"}")
                .post("/webhooks/acme").then().statusCode(200).body("outcome", equalTo("delivered"));
    }

    static String lastIdentifier(WireMockServer rd) {
        var events = RdStubs.acceptedEvents(rd);
        return events.get(events.size() - 1).path("payload").path("conversion_identifier").asText();
    }

    @Test
    void aChangedFileIsReadAgainAndABrokenOneKeepsTheLastGoodOne() throws InterruptedException {
        write("acme-first");
        Thread.sleep(400);
        lead("1");
        assertThat(lastIdentifier(rd)).isEqualTo("acme-first");

        write("acme-second-version");
        Thread.sleep(400);
        lead("2");
        assertThat(lastIdentifier(rd)).isEqualTo("acme-second-version");

        write("vendor: acme\nverify: {preset: header-token, header: X-Acme-Token}\ntopic: kind\ntopics:\n  lead:\n"
                + "    events:\n      - type: CONVERT\n", false);
        Thread.sleep(400);
        lead("3");
        assertThat(lastIdentifier(rd)).isEqualTo("acme-second-version");
        RdStubs.operator().body(Map.of("body", "{\"kind\":\"lead\"}")).post("/admin/mappings/acme/try")
                .then().statusCode(200)
                .body("mapping_files_problem", startsWith("target/reload-mappings/acme.yaml:7: topics.lead.events[0].type:"
                        + " RD has no event type CONVERT"));

        write("acme-fixed");
        Thread.sleep(400);
        lead("4");
        assertThat(lastIdentifier(rd)).isEqualTo("acme-fixed");
    }
}
