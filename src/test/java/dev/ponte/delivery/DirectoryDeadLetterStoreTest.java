package dev.ponte.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryDeadLetterStoreTest extends DeadLetterStoreContract {

    @TempDir
    Path dir;

    @Override
    DeadLetterStore store() {
        return new DirectoryDeadLetterStore(dir);
    }

    @Test
    void eachLetterIsOneReadableJsonFile() throws IOException {
        DeadLetter letter = letter("2026-11-27T12:00:00Z");
        store().park(letter);
        assertThat(Files.readString(dir.resolve(letter.id() + ".json")))
                .contains("\"reason\" : \"RD unavailable: RD answered HTTP 503\"", "\"event_type\" : \"ORDER_PLACED\"");
    }

    @Test
    void parkingWhereNothingCanBeWrittenFailsLoudly() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> new DirectoryDeadLetterStore(notADirectory).park(letter("2026-11-27T12:00:00Z")))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("cannot park dead letter");
    }

    @Test
    void idsThatAreNotOursFindNothing() {
        assertThat(store().get("../../etc/passwd")).isEmpty();
    }
}
