package dev.ponte.mapping.files;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The mapping files Ponte runs: those shipped under {@code mappings/} (listed in
 * {@code mappings/index}, so the list is the same in a jar and a native binary; each named after
 * its vendor and read when first needed, the build having checked them), then the user's in
 * {@code PONTE_MAPPINGS_DIR}, every one read and checked at start-up. Two files, or a file and a
 * Java mapper, claiming one vendor stop start-up, naming both ({@code MapperRegistry}).
 */
public final class MappingFiles {

    static final String SHIPPED = "mappings/";

    private MappingFiles() {
    }

    /** The user's files of {@code PONTE_MAPPINGS_DIR}, read and checked; none when it is not set. */
    public static List<MappingFile> user(MappingsConfig config) {
        if (config.dir().isEmpty() || config.dir().get().isBlank()) {
            return List.of();
        }
        long started = System.nanoTime();
        List<MappingFile> files = directory(Path.of(config.dir().get()));
        Log.infof("read %d mapping file(s) of PONTE_MAPPINGS_DIR in %.1f ms", files.size(),
                (System.nanoTime() - started) / 1e6);
        return files;
    }

    /** The vendors Ponte ships as mapping files, by the names of their files. */
    public static List<String> shippedVendors() {
        return shippedNames().stream().map(name -> name.substring(0, name.length() - ".yaml".length())).toList();
    }

    /** Every shipped file, read and checked, as the build reads them. */
    public static List<MappingFile> readShipped() {
        List<MappingFile> files = new ArrayList<>();
        for (String name : shippedNames()) {
            files.add(shipped(name));
        }
        return files;
    }

    /** The shipped file {@code mappings/<name>}, read and checked. */
    public static MappingFile shipped(String name) {
        return MappingFileReader.readShipped(SHIPPED + name, resource(SHIPPED + name));
    }

    /**
     * What changes when a file of {@code PONTE_MAPPINGS_DIR} does: each file's name, size and time
     * of last change. The shipped files change only with a build.
     */
    public static String fingerprint(MappingsConfig config) {
        if (config.dir().isEmpty() || config.dir().get().isBlank() || !Files.isDirectory(Path.of(config.dir().get()))) {
            return "";
        }
        StringBuilder fingerprint = new StringBuilder();
        try (Stream<Path> entries = Files.list(Path.of(config.dir().get()))) {
            for (Path path : entries.filter(MappingFiles::isMappingFile).sorted().toList()) {
                fingerprint.append(path.getFileName()).append(':').append(Files.size(path)).append(':')
                        .append(Files.getLastModifiedTime(path).toMillis()).append(';');
            }
        } catch (IOException e) {
            return "unreadable:" + e.getMessage();
        }
        return fingerprint.toString();
    }

    private static boolean isMappingFile(Path path) {
        return path.toString().endsWith(".yaml") || path.toString().endsWith(".yml");
    }

    /** The files of a directory, in name order: every {@code *.yaml} or {@code *.yml}. */
    public static List<MappingFile> directory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("PONTE_MAPPINGS_DIR is " + dir + ", which is not a directory.");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            List<MappingFile> files = new ArrayList<>();
            for (Path path : entries.filter(MappingFiles::isMappingFile)
                    .sorted().toList()) {
                files.add(MappingFileReader.read(path.toString(), Files.readString(path, StandardCharsets.UTF_8)));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("PONTE_MAPPINGS_DIR " + dir + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static List<String> shippedNames() {
        String index = resourceOrNull(SHIPPED + "index");
        if (index == null) {
            return List.of();
        }
        return index.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static String resource(String name) {
        String text = resourceOrNull(name);
        if (text == null) {
            throw new IllegalStateException(SHIPPED + "index lists " + name + ", which is not in the build.");
        }
        return text;
    }

    private static String resourceOrNull(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
