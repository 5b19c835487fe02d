package dev.ponte.mapping;

import dev.ponte.mapping.files.FileMapper;
import dev.ponte.mapping.files.FileVendor;
import dev.ponte.mapping.files.FileVendorSettings;
import dev.ponte.mapping.files.MappingFiles;
import dev.ponte.mapping.files.MappingsConfig;
import dev.ponte.mapping.files.UserMappingFiles;
import dev.ponte.rd.RdConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;

/**
 * Every {@link VendorMapper} bean and every mapping file's vendor, by vendor id. Mappers are
 * discovered, never listed; two that claim the same vendor stop Ponte at start-up, naming both.
 * With {@code PONTE_MAPPINGS_RELOAD} (on in dev mode) a changed file in {@code PONTE_MAPPINGS_DIR}
 * is read again before the next webhook; a file that no longer reads keeps the vendors as they were,
 * and the mistake is logged and answered by {@code /admin/mappings/{vendor}/try}.
 */
@ApplicationScoped
public class MapperRegistry {

    private final List<VendorMapper> beans = new ArrayList<>();
    private final Config config;
    private final MappingsConfig mappingFiles;
    private final FileMapper.Context context;
    private volatile Loaded loaded;
    private volatile String reloadProblem;

    /** The vendors as last read, with the settings each still lacks and the files' fingerprint. */
    private record Loaded(Map<String, VendorMapper> byVendor, Map<String, List<String>> missing, String fingerprint,
            long checkedAt) {
    }

    @Inject
    public MapperRegistry(@Any Instance<VendorMapper> mappers, Config config, MappingsConfig mappingFiles,
            FileVendorSettings fileVendors, RdConfig rd, ContactResolver contacts, Clock clock, UserMappingFiles userFiles) {
        mappers.forEach(beans::add);
        this.config = config;
        this.mappingFiles = mappingFiles;
        this.context = new FileMapper.Context(clock, contacts, rd.ecommerceEvents());
        UserMappingFiles.Read user = userFiles.read();
        this.loaded = load(user.fingerprint(), user.files());
    }

    private Loaded load(String fingerprint, List<FileVendor.Definition> userFiles) {
        List<VendorMapper> all = new ArrayList<>(beans);
        for (String vendor : MappingFiles.shippedVendors()) {
            all.add(new FileVendor(FileVendor.Definition.shipped(vendor), settings(vendor), context));
        }
        for (FileVendor.Definition file : userFiles) {
            all.add(new FileVendor(file, settings(file.vendor()), context));
        }
        Map<String, VendorMapper> byVendor = byVendor(all);
        Map<String, List<String>> missing = new TreeMap<>();
        for (VendorMapper mapper : byVendor.values()) {
            List<String> unset = new ArrayList<>();
            for (String setting : mapper.requiredSettings()) {
                String property = "ponte.vendors." + mapper.vendor() + "." + setting;
                if (config.getOptionalValue(property, String.class).filter(v -> !v.isBlank()).isEmpty()) {
                    unset.add(property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
                }
            }
            missing.put(mapper.vendor(), List.copyOf(unset));
        }
        return new Loaded(Map.copyOf(byVendor), Map.copyOf(missing), fingerprint, System.nanoTime());
    }

    /** The mappers by vendor; two that claim one vendor stop start-up, naming where each is defined. */
    static Map<String, VendorMapper> byVendor(List<VendorMapper> all) {
        Map<String, VendorMapper> byVendor = new TreeMap<>();
        for (VendorMapper mapper : all) {
            VendorMapper earlier = byVendor.put(mapper.vendor(), mapper);
            if (earlier != null) {
                throw new IllegalStateException("Two mappers claim the vendor '" + mapper.vendor() + "': "
                        + origin(earlier) + " and " + origin(mapper));
            }
        }
        return byVendor;
    }

    /** A file vendor's settings: {@code ponte.vendors.<vendor>.<name>}, null when unset or blank. */
    private java.util.function.Function<String, String> settings(String vendor) {
        return setting -> config.getOptionalValue("ponte.vendors." + vendor + "." + setting, String.class)
                .filter(v -> !v.isBlank()).orElse(null);
    }

    /**
     * Builds the registry while starting, so a clash fails the deployment, not the first webhook,
     * and says in one line which vendors can be received and which lack their settings.
     */
    void check(@Observes StartupEvent start) {
        List<String> ready = new ArrayList<>();
        List<String> lacking = new ArrayList<>();
        new TreeMap<>(loaded.missing()).forEach((vendor, unset) -> {
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
        return definedIn(mapper).map(file -> "the mapping file " + file).orElse(mapper.getClass().getName());
    }

    /** The mapping file a vendor is defined in; empty for a Java mapper. */
    public static Optional<String> definedIn(VendorMapper mapper) {
        if (mapper instanceof FileMapper file) {
            return Optional.of(file.file().file());
        }
        return mapper instanceof FileVendor vendor ? Optional.of(vendor.file()) : Optional.empty();
    }

    /** The environment variables a vendor still needs before its webhooks can be received; empty when ready. */
    public List<String> missingSettings(String vendor) {
        return current().missing().getOrDefault(vendor, List.of());
    }

    public Optional<VendorMapper> find(String vendor) {
        return Optional.ofNullable(current().byVendor().get(vendor));
    }

    public Set<String> vendors() {
        return new java.util.TreeSet<>(current().byVendor().keySet());
    }

    /** Why the user's mapping files were not read again after their last change; empty when they were. */
    public Optional<String> reloadProblem() {
        current();
        return Optional.ofNullable(reloadProblem);
    }

    private static final long RECHECK_NANOS = 300_000_000L;

    private Loaded current() {
        Loaded now = loaded;
        if (!mappingFiles.reload() || System.nanoTime() - now.checkedAt() < RECHECK_NANOS) {
            return now;
        }
        synchronized (this) {
            now = loaded;
            if (System.nanoTime() - now.checkedAt() < RECHECK_NANOS) {
                return now;
            }
            String fingerprint = MappingFiles.fingerprint(mappingFiles);
            if (fingerprint.equals(now.fingerprint())) {
                loaded = new Loaded(now.byVendor(), now.missing(), fingerprint, System.nanoTime());
                return loaded;
            }
            try {
                loaded = load(fingerprint, MappingFiles.user(mappingFiles));
                reloadProblem = null;
                Log.infof("mapping files changed: read again (%s)", String.join(", ", loaded.byVendor().keySet()));
            } catch (RuntimeException e) {
                reloadProblem = e.getMessage();
                loaded = new Loaded(now.byVendor(), now.missing(), fingerprint, System.nanoTime());
                Log.errorf("mapping files changed, but they do not read; the vendors stay as they were: %s",
                        e.getMessage());
            }
            return loaded;
        }
    }
}
