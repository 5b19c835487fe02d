package dev.ponte.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.testing.PonteSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration table is the one place a user looks for a setting: every variable
 * Ponte reads is in it, and everything in it is read. A row may stand for a family:
 * {@code <VENDOR>} is any vendor, {@code <SETTING>} any setting a mapping file declares.
 */
class ConfigurationTableTest {

    private static final Pattern NAME = Pattern.compile("`([A-Z][A-Z0-9_<>]*)`");
    /** Read by the AWS SDK and Quarkus themselves, listed because users set them. */
    private static final Set<String> NOT_PONTE = Set.of("AWS_REGION", "AWS_ENDPOINT_URL_DYNAMODB", "AWS_ENDPOINT_URL_SQS",
            "QUARKUS_HTTP_PORT");

    @Test
    void everySettingPonteReadsIsInTheTable() throws IOException {
        List<String> rows = tableNames();
        List<Pattern> ponteRows = rows.stream().filter(name -> !name.contains("<SETTING>")).map(ConfigurationTableTest::pattern).toList();
        List<Pattern> allRows = rows.stream().map(ConfigurationTableTest::pattern).toList();
        Set<String> fromFiles = PonteSettings.declaredByFiles();
        List<String> missing = new ArrayList<>();
        for (String variable : PonteSettings.variables()) {
            // A file's own settings may be documented by the <SETTING> row; Java's need their own.
            List<Pattern> candidates = fromFiles.contains(variable) ? allRows : ponteRows;
            if (candidates.stream().noneMatch(row -> row.matcher(variable).matches())) {
                missing.add(variable);
            }
        }
        assertThat(missing).as("settings Ponte reads that the README's configuration table does not list").isEmpty();
    }

    @Test
    void everyRowIsASettingPonteReads() throws IOException {
        Set<String> read = PonteSettings.variables();
        List<String> unknown = new ArrayList<>();
        for (String row : tableNames()) {
            Pattern pattern = pattern(row);
            if (!NOT_PONTE.contains(row) && read.stream().noneMatch(variable -> pattern.matcher(variable).matches())) {
                unknown.add(row);
            }
        }
        assertThat(unknown).as("rows of the configuration table that Ponte does not read").isEmpty();
    }

    private static List<String> tableNames() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n## Configuration\n");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        List<String> names = new ArrayList<>();
        for (String line : section.split("\n")) {
            if (line.startsWith("| `")) {
                Matcher name = NAME.matcher(line.substring(0, line.indexOf(" |", 2)));
                while (name.find()) {
                    names.add(name.group(1));
                }
            }
        }
        assertThat(names).as("configuration table rows").hasSizeGreaterThan(40);
        return names;
    }

    private static Pattern pattern(String row) {
        return Pattern.compile(Pattern.quote(row).replace("<VENDOR>", "\\E[A-Z]+\\Q").replace("<SETTING>", "\\E[A-Z0-9_]+\\Q"));
    }
}
