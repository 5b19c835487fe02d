package dev.ponte.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponte.mapping.files.FileMapper;
import dev.ponte.mapping.files.MappingFiles;
import dev.ponte.mapping.files.FileVendor;
import dev.ponte.rd.EcommerceFamily;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which mapper answers a vendor: one per vendor, wherever it is defined, and a clash stops start-up naming both. */
class MapperRegistryTest {

    private static final FileMapper.Context CONTEXT = new FileMapper.Context(Clock.systemUTC(), null, EcommerceFamily.CURRENT);

    @TempDir
    Path dir;

    @Test
    void aUserFileClaimingAShippedVendorStopsStartUpNamingBothFiles() throws Exception {
        Files.writeString(dir.resolve("my-hotmart.yaml"), Files.readString(Path.of("src/main/resources/mappings/hotmart.yaml")));
        List<VendorMapper> all = List.of(new FileVendor(FileVendor.Definition.shipped("hotmart"), setting -> null, CONTEXT),
                new FileMapper(MappingFiles.directory(dir).get(0), setting -> null, CONTEXT));
        assertThatThrownBy(() -> MapperRegistry.byVendor(all)).hasMessage("Two mappers claim the vendor 'hotmart': the"
                + " mapping file mappings/hotmart.yaml and the mapping file " + dir.resolve("my-hotmart.yaml"));
    }

    @Test
    void aFileClaimingAJavaVendorStopsStartUpNamingTheFileAndTheClass() throws Exception {
        Files.writeString(dir.resolve("zoom.yaml"), Files.readString(Path.of("src/main/resources/mappings/tawkto.yaml"))
                .replaceFirst("vendor: tawkto", "vendor: zoom"));
        VendorMapper java = new JavaZoom();
        List<VendorMapper> all = List.of(java, new FileMapper(MappingFiles.directory(dir).get(0), setting -> null, CONTEXT));
        assertThatThrownBy(() -> MapperRegistry.byVendor(all)).hasMessage("Two mappers claim the vendor 'zoom': "
                + java.getClass().getName() + " and the mapping file " + dir.resolve("zoom.yaml"));
    }

    /** A Java mapper, as the registry sees one. */
    private static final class JavaZoom implements VendorMapper {
        @Override
        public String vendor() {
            return "zoom";
        }

        @Override
        public Credentials credentials() {
            return Credentials.inHeaders("X-Zoom-Token");
        }

        @Override
        public Verification verify(Webhook webhook) {
            return Verification.GENUINE;
        }

        @Override
        public MappingResult map(Webhook webhook) {
            return new MappingResult.Ignored("any", "a stand-in");
        }
    }

    @Test
    void aShippedVendorIsReadOnlyWhenFirstNeeded() {
        FileVendor hotmart = new FileVendor(FileVendor.Definition.shipped("hotmart"), Map.of("secret", "s")::get, CONTEXT);
        assertThat(hotmart.requiredSettings()).containsExactly("secret");
        assertThat(hotmart.mapper().file().vendor()).isEqualTo("hotmart");
        assertThat(hotmart.mapper()).isSameAs(hotmart.mapper());
    }

    @Test
    void aShippedVendorsWrongSettingStillStopsStartUp() {
        assertThatThrownBy(() -> new FileVendor(FileVendor.Definition.shipped("kiwify"), Map.of("ecommerce-events", "newest")::get, CONTEXT))
                .hasMessage("PONTE_VENDORS_KIWIFY_ECOMMERCE_EVENTS is current or legacy, not newest");
    }
}
