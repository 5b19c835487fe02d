package dev.ponte.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponte.testing.Fixtures;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server with files in {@code PONTE_MAPPINGS_DIR}: they are read on a thread of their
 * own while the rest of Ponte starts, and a file with a mistake still stops the start, the
 * process exiting with the file, the line and the field in its log.
 */
class UserMappingFilesIT {

    @TempDir
    Path work;

    private Map<String, String> settings(Path mappings) throws IOException {
        int sandbox;
        try (ServerSocket free = new ServerSocket(0)) {
            sandbox = free.getLocalPort();
        }
        Map<String, String> all = new HashMap<>();
        all.put("QUARKUS_PROFILE", "dev");
        all.put("PONTE_SANDBOX_PORT", String.valueOf(sandbox));
        all.put("PONTE_MAPPINGS_DIR", mappings.toString());
        return all;
    }

    /** Calendly's shipped file under another vendor id, as a user would start from it. */
    private static String calendlyAs(String vendor) {
        return Fixtures.text("mappings/calendly.yaml").replaceFirst("(?m)^vendor: .*$", "vendor: " + vendor);
    }

    @Test
    void theUsersFilesAreReadAndTheirVendorsReceived() throws Exception {
        Path mappings = Files.createDirectories(work.resolve("mappings"));
        Files.writeString(mappings.resolve("agenda.yaml"), calendlyAs("agenda"));
        try (HttpServer ponte = HttpServer.start(settings(mappings), work)) {
            assertThat(ponte.log()).contains("read 1 mapping file(s) of PONTE_MAPPINGS_DIR")
                    .containsPattern("vendors configured: .*agenda");
        }
    }

    @Test
    void aFileWithAMistakeStopsTheStartNamingWhereItIs() throws Exception {
        Path mappings = Files.createDirectories(work.resolve("mappings"));
        String text = calendlyAs("agenda");
        int line = (int) text.substring(0, text.indexOf("type: CONVERSION")).lines().count();
        Files.writeString(mappings.resolve("agenda.yaml"), text.replaceFirst("type: CONVERSION", "type: CONVERSAO"));
        assertThatThrownBy(() -> HttpServer.start(settings(mappings), work).close())
                .hasMessageContaining("Ponte exited at start-up")
                .hasMessageContaining(mappings.resolve("agenda.yaml") + ":" + line + ": ")
                .hasMessageContaining("CONVERSAO");
    }
}
