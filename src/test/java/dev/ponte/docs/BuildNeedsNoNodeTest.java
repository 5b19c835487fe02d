package dev.ponte.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code ./mvnw quarkus:dev} runs the build's phases up to the test resources, and the packaged
 * jar is built by them: neither may need Node. Only the tests that start dynalite install it
 * ({@code dev.ponte.testing.Dynalite}).
 */
class BuildNeedsNoNodeTest {

    private static final Pattern EXECUTABLE = Pattern.compile("<executable>([^<]+)</executable>");

    @Test
    void noBuildStepRunsNodeOrNpm() throws IOException {
        Matcher executable = EXECUTABLE.matcher(Files.readString(Path.of("pom.xml")));
        List<String> found = new ArrayList<>();
        while (executable.find()) {
            found.add(executable.group(1).trim());
        }
        assertThat(found).as("executables the build runs").isNotEmpty()
                .noneMatch(name -> name.matches("(.*/)?(npm|npx|node|yarn)(\\.cmd)?"));
    }
}
