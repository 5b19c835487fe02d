package dev.ponte.testing;

import dev.ponte.mapping.files.FileMapper;
import dev.ponte.mapping.files.MappingFiles;
import dev.ponte.rd.EcommerceFamily;
import java.time.Clock;
import java.util.Map;

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
}
