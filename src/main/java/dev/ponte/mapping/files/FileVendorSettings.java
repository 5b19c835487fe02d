package dev.ponte.mapping.files;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.util.Map;

/**
 * The settings of vendors known from mapping files, {@code ponte.vendors.<vendor>.<name>}
 * ({@code PONTE_VENDORS_<VENDOR>_<NAME>}): declared here so that Ponte's check of unknown
 * settings, which catches typos in the Java vendors' names, lets them through. The Java vendors'
 * own mappings still type and check theirs.
 */
@ConfigMapping(prefix = "ponte.vendors")
public interface FileVendorSettings {

    @WithParentName
    Map<String, Map<String, String>> byVendor();
}
