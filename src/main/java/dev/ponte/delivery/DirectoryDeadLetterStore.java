package dev.ponte.delivery;

import dev.ponte.rd.events.RdJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** One JSON file per dead letter, written atomically, readable and editable by an operator. */
public final class DirectoryDeadLetterStore implements DeadLetterStore {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private final Path dir;

    public DirectoryDeadLetterStore(Path dir) {
        this.dir = dir;
    }

    @Override
    public void park(DeadLetter letter) {
        write(letter);
    }

    @Override
    public Optional<String> cannotPark() {
        try {
            Files.createDirectories(dir);
        } catch (IOException | UncheckedIOException e) {
            return Optional.of("cannot create " + dir.toAbsolutePath() + ": " + e.getMessage());
        }
        return Files.isWritable(dir) ? Optional.empty()
                : Optional.of(dir.toAbsolutePath() + " is not writable");
    }

    @Override
    public List<DeadLetter> list(int max) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<DeadLetter> letters = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                read(file).ifPresent(letters::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list dead letters in " + dir, e);
        }
        letters.sort(Comparator.comparing(DeadLetter::parkedAt).thenComparing(DeadLetter::id));
        return letters.size() > max ? letters.subList(0, max) : letters;
    }

    @Override
    public Optional<DeadLetter> get(String id) {
        return ID.matcher(id).matches() ? read(file(id)) : Optional.empty();
    }

    @Override
    public void update(DeadLetter letter) {
        write(letter);
    }

    @Override
    public void remove(String id) {
        try {
            Files.deleteIfExists(file(id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove dead letter " + id, e);
        }
    }

    private void write(DeadLetter letter) {
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, letter.id(), ".tmp");
            Files.write(temp, RdJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(letter));
            try {
                Files.move(temp, file(letter.id()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file(letter.id()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot park dead letter in " + dir.toAbsolutePath(), e);
        }
    }

    private Optional<DeadLetter> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(RdJson.mapper().readValue(file.toFile(), DeadLetter.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dead letter " + file, e);
        }
    }

    private Path file(String id) {
        return dir.resolve(id + ".json");
    }
}
