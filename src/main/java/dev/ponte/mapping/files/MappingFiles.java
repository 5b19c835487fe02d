package dev.ponte.mapping.files;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /**
     * The user's files of {@code PONTE_MAPPINGS_DIR}; none when it is not set. Each is read and
     * checked now, unless an earlier start of this build checked the very same bytes
     * ({@link CheckedStamp}): that one is kept as text and read when its vendor is first needed.
     * After reading any, the stamp is left for the next start.
     */
    public static List<FileVendor.Definition> user(MappingsConfig config) {
        if (config.dir().isEmpty() || config.dir().get().isBlank()) {
            return List.of();
        }
        long started = System.nanoTime();
        Path dir = Path.of(config.dir().get());
        String build = CheckedStamp.build();
        Map<String, CheckedStamp.Entry> stamp = CheckedStamp.read(dir, build);
        List<FileVendor.Definition> files = new ArrayList<>();
        List<CheckedStamp.Entry> checked = new ArrayList<>();
        int trusted = 0;
        for (Path path : files(dir)) {
            byte[] bytes = bytes(dir, path);
            String name = path.getFileName().toString();
            String digest = CheckedStamp.digest(bytes);
            CheckedStamp.Entry entry = stamp.get(name);
            if (entry != null && entry.digest().equals(digest)) {
                files.add(new FileVendor.Definition(entry.vendor(), path.toString(), entry.requiredSettings(),
                        new FileVendor.CheckedBefore(path.toString(), bytes)));
                trusted++;
            } else {
                MappingFile file = MappingFileReader.read(path.toString(), new String(bytes, StandardCharsets.UTF_8));
                files.add(FileVendor.Definition.of(file));
                entry = new CheckedStamp.Entry(digest, name, file.vendor(), file.requiredSettings());
            }
            checked.add(entry);
        }
        if (build != null && !checked.equals(List.copyOf(stamp.values()))) {
            CheckedStamp.write(dir, build, checked);
        }
        Log.infof("read %d mapping file(s) of PONTE_MAPPINGS_DIR in %.1f ms (%d checked by an earlier start, read when"
                + " first needed)", files.size(), (System.nanoTime() - started) / 1e6, trusted);
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
        return MappingFileReader.readCheckedBefore(SHIPPED + name, resource(SHIPPED + name));
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
        try {
            for (Path path : files(Path.of(config.dir().get()))) {
                fingerprint.append(path.getFileName()).append(':').append(Files.size(path)).append(':')
                        .append(Files.getLastModifiedTime(path).toMillis()).append(';');
            }
        } catch (IOException | UncheckedIOException e) {
            return "unreadable:" + e.getMessage();
        }
        return fingerprint.toString();
    }

    private static boolean isMappingFile(Path path) {
        return path.toString().endsWith(".yaml") || path.toString().endsWith(".yml");
    }

    /** The files of a directory, in name order: every {@code *.yaml} or {@code *.yml}, each read and checked. */
    public static List<MappingFile> directory(Path dir) {
        List<MappingFile> files = new ArrayList<>();
        for (Path path : files(dir)) {
            files.add(MappingFileReader.read(path.toString(), new String(bytes(dir, path), StandardCharsets.UTF_8)));
        }
        return files;
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("PONTE_MAPPINGS_DIR is " + dir + ", which is not a directory.");
        }
        // A plain loop rather than a stream: this runs early in a start, where each new lambda shape costs.
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            List<Path> files = new ArrayList<>();
            for (Path path : entries) {
                if (isMappingFile(path)) {
                    files.add(path);
                }
            }
            files.sort(null);
            return files;
        } catch (IOException e) {
            throw unreadable(dir, e);
        }
    }

    private static byte[] bytes(Path dir, Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw unreadable(dir, e);
        }
    }

    private static UncheckedIOException unreadable(Path dir, IOException e) {
        return new UncheckedIOException("PONTE_MAPPINGS_DIR " + dir + " cannot be read: " + e.getMessage(), e);
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
