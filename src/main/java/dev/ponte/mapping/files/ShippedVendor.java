package dev.ponte.mapping.files;

import dev.ponte.mapping.Credentials;
import dev.ponte.mapping.MappingResult;
import dev.ponte.mapping.VendorMapper;
import dev.ponte.mapping.Verification;
import dev.ponte.mapping.Webhook;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A vendor Ponte ships as a mapping file, read when it is first needed (its first webhook, a
 * trial) rather than at start-up: the build has read and checked every shipped file
 * ({@code ShippedMappingsTest}), so start-up only needs its name, that it requires its secret
 * alone, and that the settings configured for it can be right.
 */
public final class ShippedVendor implements VendorMapper {

    private final String vendor;
    private final Function<String, String> configured;
    private final FileMapper.Context context;
    private volatile FileMapper mapper;

    public ShippedVendor(String vendor, Function<String, String> configured, FileMapper.Context context) {
        this.vendor = vendor;
        this.configured = configured;
        this.context = context;
        FileMapper.checkSharedSettings(vendor, configured, context); // a wrong setting stops start-up, as for any file
    }

    /** Where the vendor is defined, as an operator would look for it. */
    public String file() {
        return MappingFiles.SHIPPED + vendor + ".yaml";
    }

    /** The vendor's file, read and ready to map. */
    public FileMapper mapper() {
        FileMapper read = mapper;
        if (read == null) {
            synchronized (this) {
                read = mapper;
                if (read == null) {
                    read = new FileMapper(MappingFiles.shipped(vendor + ".yaml"), configured, context);
                    mapper = read;
                }
            }
        }
        return read;
    }

    @Override
    public String vendor() {
        return vendor;
    }

    /** Every shipped file requires its secret and nothing else (held so by {@code ShippedMappingsTest}). */
    @Override
    public List<String> requiredSettings() {
        return List.of("secret");
    }

    @Override
    public Credentials credentials() {
        return mapper().credentials();
    }

    @Override
    public Verification verify(Webhook webhook) {
        return mapper().verify(webhook);
    }

    @Override
    public Optional<String> deliveryIdBeforeMapping(Webhook webhook) {
        return mapper().deliveryIdBeforeMapping(webhook);
    }

    @Override
    public MappingResult map(Webhook webhook) {
        return mapper().map(webhook);
    }
}
