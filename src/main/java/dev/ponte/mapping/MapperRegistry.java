package dev.ponte.mapping;

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

    @Inject
    public MapperRegistry(@Any Instance<VendorMapper> mappers) {
        for (VendorMapper mapper : mappers) {
            VendorMapper earlier = byVendor.put(mapper.vendor(), mapper);
            if (earlier != null) {
                throw new IllegalStateException("Two mappers claim the vendor '" + mapper.vendor() + "': "
                        + earlier.getClass().getName() + " and " + mapper.getClass().getName());
            }
        }
    }

    /** Builds the registry while starting, so a clash fails the deployment, not the first webhook. */
    void check(@Observes StartupEvent start) {
        byVendor.size();
    }

    public Optional<VendorMapper> find(String vendor) {
        return Optional.ofNullable(byVendor.get(vendor));
    }

    public Set<String> vendors() {
        return byVendor.keySet();
    }
}
