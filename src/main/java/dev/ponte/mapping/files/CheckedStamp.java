package dev.ponte.mapping.files;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * What an earlier start of this same build of Ponte found when it checked the files of
 * {@code PONTE_MAPPINGS_DIR}: the file {@code .ponte-checked} beside them, one line per file with
 * the digest of its bytes, its vendor and the settings it requires. A start trusts a file whose
 * bytes still have that digest and reads it when its vendor is first needed, as it does the
 * shipped files; any other file is read and checked at start-up. Reading a file later runs the
 * same checks, so a stamp (even one written by hand) only moves when a file is read, never whether
 * it is checked: the digest tells an edited file from the one checked, it does not authenticate,
 * so it is the length and CRC-32 of the bytes (a cold SHA-256 costs more than the reading it
 * saves). Another build's stamp is not trusted: its checks may differ.
 */
final class CheckedStamp {

    static final String NAME = ".ponte-checked";
    private static final String HEADER = "# Written by Ponte after checking the mapping files below. A start of the same build trusts a\n"
            + "# file whose length and CRC-32 are unchanged and reads it when its vendor is first needed;\n"
            + "# delete this file to have every file checked at start-up.\n";

    /** One checked file: its digest, its name in the directory, its vendor and required settings. */
    record Entry(String digest, String name, String vendor, List<String> requiredSettings) {
    }

    private CheckedStamp() {
    }

    /** This build's identity (version and build time); null when unknown, as in a dev-mode copy of the resource. */
    static String build() {
        try (InputStream in = CheckedStamp.class.getClassLoader().getResourceAsStream("ponte-build.txt")) {
            String build = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return build.isEmpty() || build.contains("${") ? null : build;
        } catch (IOException e) {
            return null;
        }
    }

    /** The stamp's entries by file name; none when there is no stamp, it is another build's, or it does not read. */
    static Map<String, Entry> read(Path dir, String build) {
        Path stamp = dir.resolve(NAME);
        if (build == null || !Files.isRegularFile(stamp)) {
            return Map.of();
        }
        try {
            Map<String, Entry> entries = new LinkedHashMap<>();
            boolean ours = false;
            for (String line : Files.readAllLines(stamp, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (!ours) {
                    if (!line.equals("build\t" + build)) {
                        return Map.of();
                    }
                    ours = true;
                    continue;
                }
                String[] parts = line.split("\t", -1);
                if (parts.length != 4 || parts[0].isEmpty()) {
                    return Map.of();
                }
                List<String> required = parts[3].isEmpty() ? List.of() : Arrays.asList(parts[3].split(","));
                entries.put(parts[1], new Entry(parts[0], parts[1], parts[2], List.copyOf(required)));
            }
            return entries;
        } catch (IOException e) {
            return Map.of();
        }
    }

    /**
     * Leaves the stamp for the next start, replacing the last one at once (never half written). A
     * directory Ponte cannot write to (a Lambda layer, a read-only volume) is said once in the log:
     * its files are then checked at every start.
     */
    static void write(Path dir, String build, List<Entry> entries) {
        StringBuilder text = new StringBuilder(HEADER).append("build\t").append(build).append('\n');
        for (Entry entry : entries) {
            text.append(entry.digest()).append('\t').append(entry.name()).append('\t').append(entry.vendor()).append('\t')
                    .append(String.join(",", entry.requiredSettings())).append('\n');
        }
        Path partial = dir.resolve(NAME + ".partial");
        try {
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            Files.move(partial, dir.resolve(NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            discard(partial);
            Log.infof("PONTE_MAPPINGS_DIR %s cannot take %s (%s): its files will be checked at every start", dir, NAME,
                    e.getMessage());
        }
    }

    /** Removes what a failed write left; anything else at that name is not Ponte's to remove. */
    private static void discard(Path partial) {
        if (Files.isRegularFile(partial)) {
            try {
                Files.delete(partial);
            } catch (IOException e) {
                Log.debugf("%s stays behind (%s); the next stamp written replaces it", partial, e.getMessage());
            }
        }
    }

    /** What tells a file's bytes from an edited version of them: their length and CRC-32. */
    static String digest(byte[] bytes) {
        CRC32 crc = new CRC32(); // zlib's, native: fast in a cold JVM, where CRC32C's Java loop is interpreted
        crc.update(bytes);
        return bytes.length + ":" + Long.toHexString(crc.getValue());
    }
}
