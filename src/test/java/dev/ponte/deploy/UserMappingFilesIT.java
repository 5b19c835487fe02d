package dev.ponte.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponte.testing.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server with files in {@code PONTE_MAPPINGS_DIR}: they are read on a thread of their
 * own while the rest of Ponte starts, and a file with a mistake still stops the start, the
 * process exiting with the file, the line and the field in its log. A start that checked them
 * leaves a stamp, and the next one reads an unchanged file when its vendor is first needed.
 */
class UserMappingFilesIT {

    @TempDir
    Path work;

    private HttpServer start(Path mappings) throws Exception {
        return HttpServer.startDevProfile(Map.of("PONTE_MAPPINGS_DIR", mappings.toString()), work);
    }

    /** Calendly's shipped file under another vendor id, as a user would start from it. */
    private static String calendlyAs(String vendor) {
        return Fixtures.text("mappings/calendly.yaml").replaceFirst("(?m)^vendor: .*$", "vendor: " + vendor);
    }

    @Test
    void theUsersFilesAreReadAndTheirVendorsReceived() throws Exception {
        Path mappings = Files.createDirectories(work.resolve("mappings"));
        Files.writeString(mappings.resolve("agenda.yaml"), calendlyAs("agenda"));
        try (HttpServer ponte = start(mappings)) {
            assertThat(ponte.log()).contains("read 1 mapping file(s) of PONTE_MAPPINGS_DIR")
                    .containsPattern("vendors configured: .*agenda");
        }
    }

    @Test
    void theNextStartTrustsTheCheckedFileAndReadsItWhenItsVendorIsFirstNeeded() throws Exception {
        Path mappings = Files.createDirectories(work.resolve("mappings"));
        Files.writeString(mappings.resolve("agenda.yaml"), calendlyAs("agenda"));
        try (HttpServer first = start(mappings)) {
            assertThat(first.log()).contains("(0 checked by an earlier start, read when first needed)");
        }
        assertThat(mappings.resolve(".ponte-checked")).content().contains("\tagenda.yaml\tagenda\tsecret");
        try (HttpServer next = start(mappings)) {
            assertThat(next.log()).contains("read 1 mapping file(s) of PONTE_MAPPINGS_DIR")
                    .contains("(1 checked by an earlier start, read when first needed)")
                    .containsPattern("vendors configured: .*agenda");
            String trial = "{\"body\":" + Fixtures.text("vendors/calendly/invitee.created.json") + "}";
            HttpResponse<String> tried = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(next.url("/admin/mappings/agenda/try"))).header("Authorization", "Bearer dev-token")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(trial)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(tried.statusCode()).isEqualTo(200);
            assertThat(tried.body()).contains("\"defined_in\":\"" + mappings.resolve("agenda.yaml") + "\"")
                    .contains("\"outcome\":\"mapped\"").contains("\"event_type\":\"CONVERSION\"");
        }
    }

    @Test
    void aFileWithAMistakeStopsTheStartNamingWhereItIs() throws Exception {
        Path mappings = Files.createDirectories(work.resolve("mappings"));
        String text = calendlyAs("agenda");
        int line = (int) text.substring(0, text.indexOf("type: CONVERSION")).lines().count();
        Files.writeString(mappings.resolve("agenda.yaml"), text.replaceFirst("type: CONVERSION", "type: CONVERSAO"));
        assertThatThrownBy(() -> start(mappings).close())
                .hasMessageContaining("Ponte exited at start-up")
                .hasMessageContaining(mappings.resolve("agenda.yaml") + ":" + line + ": ")
                .hasMessageContaining("CONVERSAO");
    }
}
