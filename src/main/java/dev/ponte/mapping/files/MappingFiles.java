package dev.ponte.mapping.files;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The mapping files Ponte runs: those shipped under {@code mappings/} (listed in
 * {@code mappings/index}, so the list is the same in a jar and a native binary), then the user's
 * in {@code PONTE_MAPPINGS_DIR}. Every file is read and checked at start-up; two files claiming
 * one vendor stop it, naming both.
 */
public final class MappingFiles {

    static final String SHIPPED = "mappings/";

    private MappingFiles() {
    }

    public static List<MappingFile> load(MappingsConfig config) {
        long started = System.nanoTime();
        List<MappingFile> files = new ArrayList<>();
        for (String name : shippedNames()) {
            files.add(shipped(name));
        }
        if (config.dir().isPresent() && !config.dir().get().isBlank()) {
            files.addAll(directory(Path.of(config.dir().get())));
        }
        Map<String, String> claimed = new HashMap<>();
        for (MappingFile file : files) {
            String earlier = claimed.put(file.vendor(), file.file());
            if (earlier != null) {
                throw new IllegalStateException("Two mapping files claim the vendor '" + file.vendor() + "': " + earlier
                        + " and " + file.file());
            }
        }
        if (!files.isEmpty()) {
            Log.infof("read %d mapping file(s) in %d ms", files.size(), (System.nanoTime() - started) / 1_000_000);
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
