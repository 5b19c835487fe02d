package dev.ponte.mapping;

import dev.ponte.mapping.files.FileMapper;
import dev.ponte.mapping.files.FileVendorSettings;
import dev.ponte.mapping.files.MappingFile;
import dev.ponte.mapping.files.MappingFiles;
import dev.ponte.mapping.files.MappingsConfig;
import java.time.Clock;
import io.quarkus.logging.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every {@link VendorMapper} bean, by vendor id. Mappers are discovered, never listed; two that
 * claim the same vendor stop Ponte at start-up, naming both.
 */
@ApplicationScoped
public class MapperRegistry {

    private final Map<String, VendorMapper> byVendor = new TreeMap<>();
    private final Map<String, List<String>> missing = new TreeMap<>();

    @Inject
    public MapperRegistry(@Any Instance<VendorMapper> mappers, Config config, MappingsConfig mappingFiles,
            FileVendorSettings fileVendors, Clock clock) {
        List<VendorMapper> all = new ArrayList<>();
        mappers.forEach(all::add);
        for (MappingFile file : MappingFiles.load(mappingFiles)) {
            all.add(new FileMapper(file, setting -> config.getOptionalValue("ponte.vendors." + file.vendor() + "."
                    + setting, String.class).filter(v -> !v.isBlank()).orElse(null), clock));
        }
        for (VendorMapper mapper : all) {
            VendorMapper earlier = byVendor.put(mapper.vendor(), mapper);
            if (earlier != null) {
                throw new IllegalStateException("Two mappers claim the vendor '" + mapper.vendor() + "': "
                        + origin(earlier) + " and " + origin(mapper));
            }
            List<String> unset = new ArrayList<>();
            for (String setting : mapper.requiredSettings()) {
                String property = "ponte.vendors." + mapper.vendor() + "." + setting;
                if (config.getOptionalValue(property, String.class).filter(v -> !v.isBlank()).isEmpty()) {
                    unset.add(property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
                }
            }
            missing.put(mapper.vendor(), List.copyOf(unset));
        }
    }

    /**
     * Builds the registry while starting, so a clash fails the deployment, not the first webhook,
     * and says in one line which vendors can be received and which lack their settings.
     */
    void check(@Observes StartupEvent start) {
        List<String> ready = new ArrayList<>();
        List<String> lacking = new ArrayList<>();
        missing.forEach((vendor, unset) -> {
            if (unset.isEmpty()) {
                ready.add(vendor);
            } else {
                lacking.add(vendor + " (" + String.join(", ", unset) + ")");
            }
        });
        Log.infof("vendors configured: %s; not configured: %s", ready.isEmpty() ? "none" : String.join(", ", ready),
                lacking.isEmpty() ? "none" : String.join(", ", lacking));
    }

    private static String origin(VendorMapper mapper) {
        return mapper instanceof FileMapper file ? "the mapping file " + file.file().file() : mapper.getClass().getName();
    }

    /** The environment variables a vendor still needs before its webhooks can be received; empty when ready. */
    public List<String> missingSettings(String vendor) {
        return missing.getOrDefault(vendor, List.of());
    }

    public Optional<VendorMapper> find(String vendor) {
        return Optional.ofNullable(byVendor.get(vendor));
    }

    public Set<String> vendors() {
        return byVendor.keySet();
    }
}
