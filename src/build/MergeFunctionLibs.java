import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Packs the dependency jars of the Lambda function's {@code function.zip} ({@code lib/*.jar},
 * about 200 of them) into one, {@code lib/ponte-dependencies.jar}. Lambda's Java runtime puts
 * every jar of {@code lib/} on the JVM's class path, and the JVM looks for each class in one jar
 * after another: in a profile of a cold start, those lookups were 60% of the samples until the
 * first webhook was answered. In one jar a class is one lookup, and its entries are stored
 * uncompressed, so no class is inflated on the way in (the zip compresses the jar as a whole).
 *
 * <p>What the jars shared is kept as the class path read it: service files are concatenated (the
 * providers {@code ServiceLoader} found across the jars), multi-release entries stay in force (the
 * jar says {@code Multi-Release}), and of any other file two jars carry (licences, build metadata)
 * the first is kept. Jar signatures, jar indexes, manifests and module descriptors are left out:
 * each describes the jar it came from. A {@code function.zip} without {@code lib/} (the native
 * build's) is left as it is.
 *
 * <p>Run by the build after Quarkus writes the zip: {@code java src/build/MergeFunctionLibs.java target/function.zip}.
 */
public class MergeFunctionLibs {

    static final String MERGED = "lib/ponte-dependencies.jar";

    public static void main(String[] args) throws IOException {
        Path zip = Path.of(args[0]);
        Path merged = Files.createTempFile(zip.getParent(), "ponte-dependencies", ".jar");
        Path rewritten = zip.resolveSibling(zip.getFileName() + ".merging");
        try (ZipFile function = new ZipFile(zip.toFile())) {
            List<ZipEntry> jars = new ArrayList<>();
            function.stream().filter(MergeFunctionLibs::isDependencyJar).forEach(jars::add);
            if (jars.isEmpty()) {
                System.out.println(zip + " has no lib/*.jar: left as it is");
                return;
            }
            jars.sort((a, b) -> a.getName().compareTo(b.getName()));
            int files = merge(function, jars, merged);
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rewritten))) {
                for (ZipEntry entry : Collections.list(function.entries())) {
                    if (isDependencyJar(entry)) {
                        continue;
                    }
                    out.putNextEntry(copyOf(entry));
                    try (InputStream in = function.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
                ZipEntry entry = new ZipEntry(MERGED);
                entry.setTime(jars.get(0).getTime());
                out.putNextEntry(entry);
                Files.copy(merged, out);
                out.closeEntry();
            }
            System.out.println(zip + ": " + jars.size() + " dependency jars packed into " + MERGED + " (" + files + " files)");
        } finally {
            Files.deleteIfExists(merged);
        }
        Files.move(rewritten, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean isDependencyJar(ZipEntry entry) {
        String name = entry.getName();
        return name.startsWith("lib/") && name.endsWith(".jar") && name.indexOf('/', 4) < 0;
    }

    /** Writes every jar's files into {@code target}; returns how many it holds. */
    private static int merge(ZipFile function, List<ZipEntry> jars, Path target) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MULTI_RELEASE, "true");
        Set<String> written = new HashSet<>();
        Map<String, Set<String>> services = new LinkedHashMap<>();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), manifest)) {
            for (ZipEntry jar : jars) {
                try (ZipInputStream in = new ZipInputStream(function.getInputStream(jar))) {
                    for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                        String name = entry.getName();
                        if (entry.isDirectory() || describesItsJar(name)) {
                            continue;
                        }
                        if (name.startsWith("META-INF/services/")) {
                            services.computeIfAbsent(name, n -> new LinkedHashSet<>()).addAll(providers(in));
                            continue;
                        }
                        if (!written.add(name)) {
                            continue;
                        }
                        writeStored(entry, in.readAllBytes(), out);
                    }
                }
            }
            for (Map.Entry<String, Set<String>> service : services.entrySet()) {
                writeStored(new ZipEntry(service.getKey()), (String.join("\n", service.getValue()) + "\n")
                        .getBytes(StandardCharsets.UTF_8), out);
            }
        }
        return written.size() + services.size();
    }

    private static boolean describesItsJar(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        return upper.equals("META-INF/MANIFEST.MF") || upper.equals("META-INF/INDEX.LIST")
                || name.endsWith("module-info.class")
                || upper.startsWith("META-INF/") && upper.indexOf('/', 9) < 0
                        && (upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC"));
    }

    /** The provider class names of one service file, without comments or blank lines. */
    private static List<String> providers(InputStream in) throws IOException {
        List<String> providers = new ArrayList<>();
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            int comment = line.indexOf('#');
            String provider = (comment < 0 ? line : line.substring(0, comment)).trim();
            if (!provider.isEmpty()) {
                providers.add(provider);
            }
        }
        return providers;
    }

    /**
     * Writes {@code bytes} uncompressed: the JVM reads a class without inflating it, and the jar
     * is compressed anyway as one entry of {@code function.zip}.
     */
    private static void writeStored(ZipEntry original, byte[] bytes, ZipOutputStream out) throws IOException {
        ZipEntry entry = copyOf(original);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        out.putNextEntry(entry);
        out.write(bytes);
        out.closeEntry();
    }

    /** The entry's name and time; its sizes and compression are the new archive's to decide. */
    private static ZipEntry copyOf(ZipEntry entry) {
        ZipEntry copy = new ZipEntry(entry.getName());
        if (entry.getTime() >= 0) {
            copy.setTime(entry.getTime());
        }
        return copy;
    }

    private MergeFunctionLibs() {
    }
}
