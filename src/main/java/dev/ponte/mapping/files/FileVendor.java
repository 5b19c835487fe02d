package dev.ponte.mapping.files;

import dev.ponte.mapping.Credentials;
import dev.ponte.mapping.MappingResult;
import dev.ponte.mapping.VendorMapper;
import dev.ponte.mapping.Verification;
import dev.ponte.mapping.Webhook;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A vendor defined by a mapping file, which start-up knows by its definition (vendor, file,
 * required settings) and which is read into a {@link FileMapper} when first needed (its first
 * webhook, a trial). A shipped file was checked by the build ({@code ShippedMappingsTest}), a
 * user's file either at this start or by an earlier start of this build ({@link CheckedStamp}).
 * The settings configured for it are checked at start-up either way.
 */
public final class FileVendor implements VendorMapper {

    /** What start-up knows of a file without reading it, and how to read it. */
    public record Definition(String vendor, String file, List<String> requiredSettings, Supplier<MappingFile> reader) {

        /** A file read and checked at this start. */
        static Definition of(MappingFile read) {
            return new Definition(read.vendor(), read.file(), read.requiredSettings(), () -> read);
        }

        /** A file shipped with Ponte: every one requires its secret and nothing else (held so by {@code ShippedMappingsTest}). */
        public static Definition shipped(String vendor) {
            return new Definition(vendor, MappingFiles.SHIPPED + vendor + ".yaml", List.of("secret"),
                    () -> MappingFiles.shipped(vendor + ".yaml"));
        }
    }

    /** A file an earlier start of this build checked with these very bytes ({@link CheckedStamp}), read when first needed. */
    record CheckedBefore(String file, byte[] bytes) implements Supplier<MappingFile> {
        @Override
        public MappingFile get() {
            return MappingFileReader.readCheckedBefore(file, new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private final Definition definition;
    private final Function<String, String> configured;
    private final FileMapper.Context context;
    private volatile FileMapper mapper;

    public FileVendor(Definition definition, Function<String, String> configured, FileMapper.Context context) {
        this.definition = definition;
        this.configured = configured;
        this.context = context;
        FileMapper.checkSharedSettings(definition.vendor(), configured, context); // a wrong setting stops start-up
    }

    /** Where the vendor is defined, as an operator would look for it. */
    public String file() {
        return definition.file();
    }

    /** The vendor's file, read and ready to map. */
    public FileMapper mapper() {
        FileMapper read = mapper;
        if (read == null) {
            synchronized (this) {
                read = mapper;
                if (read == null) {
                    read = new FileMapper(definition.reader().get(), configured, context);
                    mapper = read;
                }
            }
        }
        return read;
    }

    @Override
    public String vendor() {
        return definition.vendor();
    }

    @Override
    public List<String> requiredSettings() {
        return definition.requiredSettings();
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
