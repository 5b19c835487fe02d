package dev.ponte.testing;

import dev.ponte.mapping.files.FileMapper;
import dev.ponte.mapping.files.MappingFile;
import dev.ponte.mapping.files.MappingFiles;
import dev.ponte.mapping.files.MappingsConfig;
import dev.ponte.rd.EcommerceFamily;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A vendor shipped as a mapping file, as the registry builds it, with the settings a test gives. */
public final class FileVendors {

    private FileVendors() {
    }

    public static FileMapper shipped(String vendor, Map<String, String> settings, Clock clock) {
        return new FileMapper(MappingFiles.shipped(vendor + ".yaml"), settings::get,
                new FileMapper.Context(clock, null, EcommerceFamily.CURRENT));
    }

    public static FileMapper shipped(String vendor, Map<String, String> settings) {
        return shipped(vendor, settings, Clock.systemUTC());
    }

    /** The mapping files configuration with {@code PONTE_MAPPINGS_DIR} at {@code dir} (null: none) and no reload. */
    public static MappingsConfig mappingsConfig(String dir) {
        return new MappingsConfig() {
            @Override
            public Optional<String> dir() {
                return Optional.ofNullable(dir);
            }

            @Override
            public boolean reload() {
                return false;
            }
        };
    }

    /** Every shipped mapping file, read and checked as the build reads them. */
    public static List<MappingFile> shippedFiles() {
        return MappingFiles.readShipped();
    }
}
