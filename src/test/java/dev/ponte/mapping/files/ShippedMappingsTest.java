package dev.ponte.mapping.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.ponte.mapping.MappingResult;
import dev.ponte.mapping.Webhook;
import dev.ponte.rd.events.RdJson;
import dev.ponte.rd.validation.EventValidator;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.FileVendors;
import dev.ponte.testing.Webhooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The vendors Ponte ships as mapping files: every documented payload beside them becomes exactly
 * the deliveries of its {@code .expected.json}, field by field, and RD's validation finds nothing to refuse;
 * or, where the expected file is {@code {"ignored": why}}, is acknowledged without an event for that reason.
 */
class ShippedMappingsTest {

    static final List<String> VENDORS = List.of("hotmart", "kiwify", "eduzz", "calendly", "typeform", "stripe", "tawkto");

    static Stream<String> fixtures() throws IOException {
        return VENDORS.stream().flatMap(vendor -> {
            try (Stream<Path> files = Files.list(Path.of("src/test/resources/vendors/" + vendor))) {
                return files.map(path -> path.getFileName().toString())
                        .filter(name -> name.endsWith(".expected.json")).sorted()
                        .map(name -> vendor + "/" + name.substring(0, name.length() - ".expected.json".length()))
                        .filter(fixture -> !vendor.equals("tawkto")).toList().stream();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void eachDocumentedPayloadBecomesItsDeliveries(String fixture) {
        String vendor = fixture.substring(0, fixture.indexOf('/'));
        Webhook webhook = Webhooks.of(vendor, Map.of(), Fixtures.text("vendors/" + fixture + ".json"));
        MappingResult result = FileVendors.shipped(vendor, Map.of("secret", "s")).map(webhook);
        JsonNode expected = Fixtures.json("vendors/" + fixture + ".expected.json");
        if (expected.has("ignored")) {
            // A payload Ponte acknowledges without an event: the reason is the one the vendor is answered.
            assertThat(result).isInstanceOf(MappingResult.Ignored.class);
            assertThat(((MappingResult.Ignored) result).why()).isEqualTo(expected.get("ignored").asText());
            return;
        }

        List<MappingResult.Mapped> parts = result instanceof MappingResult.Several several ? several.deliveries()
                : List.of((MappingResult.Mapped) result);
        ArrayNode actual = RdJson.mapper().createArrayNode();
        for (MappingResult.Mapped part : parts) {
            actual.addObject().put("delivery_id", part.deliveryId()).set("events", RdJson.tree(part.events()));
            part.events().forEach(event -> assertThat(EventValidator.validate(event)).as(part.deliveryId()).isEmpty());
        }
        // Compared as the JSON text RD receives: 1500 is 1500 whether it was built as an int or a BigDecimal.
        assertThat(Fixtures.parse(actual.toString())).isEqualTo(expected);
    }

    @Test
    void everyShippedFileIsListedAndReads() throws IOException {
        List<String> listed;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/mappings"))) {
            listed = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
        }
        List<MappingFile> read = FileVendors.shippedFiles();
        assertThat(read.stream().map(f -> f.file().substring("mappings/".length())).sorted().toList()).isEqualTo(listed);
        assertThat(read.stream().map(MappingFile::vendor).sorted().toList()).containsExactlyElementsOf(
                VENDORS.stream().sorted().toList());
        // Start-up reads no shipped file: it knows each by its name and that it requires its secret
        // alone, and a shipped file is read on its first webhook. Here every one is read whole, every
        // expression parsed by JSONata, so a mistake fails the build instead.
        for (String name : listed) {
            MappingFile checked = MappingFileReader.read("mappings/" + name,
                    Files.readString(Path.of("src/main/resources/mappings", name)));
            assertThat(checked.vendor()).isEqualTo(name.replace(".yaml", ""));
            assertThat(checked.requiredSettings()).as(name).containsExactly("secret");
        }
        assertThat(MappingFiles.shippedVendors()).containsExactlyInAnyOrderElementsOf(VENDORS);
    }
}
