package dev.ponte.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterReadinessTest {

    @TempDir
    Path temp;

    @Test
    void upWhenTheDirectoryCanBeCreated() {
        var check = new DeadLetterReadiness(new DirectoryDeadLetterStore(temp.resolve("dead-letters")));

        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(temp.resolve("dead-letters")).isDirectory();
    }

    @Test
    void downWithTheReasonWhenTheDirectoryIsAFile() throws Exception {
        Path file = Files.writeString(temp.resolve("dead-letters"), "not a directory");

        HealthCheckResponse response = new DeadLetterReadiness(new DirectoryDeadLetterStore(file)).call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData().orElseThrow().get("reason").toString()).contains(file.toString());
    }
}
