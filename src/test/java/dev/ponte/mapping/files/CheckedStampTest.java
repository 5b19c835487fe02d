package dev.ponte.mapping.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponte.testing.FileVendors;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start that checked {@code PONTE_MAPPINGS_DIR} leaves a stamp; the next start of the same build
 * reads an unchanged file only when its vendor is first needed, and checks every other file as
 * before. A stamp moves when a file is read, never whether it is checked.
 */
class CheckedStampTest {

    /** The reader test's good file, with a setting of its own to require. */
    private static final String ACME = MappingFileReaderTest.GOOD.replace("verify:", "settings:\n  region: required\nverify:");
    private static final String BROKEN = ACME.replace("type: CONVERSION", "type: CONVERSAO");

    @TempDir
    Path dir;

    private MappingsConfig config;

    @BeforeEach
    void files() throws Exception {
        config = FileVendors.mappingsConfig(dir.toString());
        Files.writeString(dir.resolve("acme.yaml"), ACME);
        Files.writeString(dir.resolve("beta.yaml"), ACME.replace("vendor: acme", "vendor: beta"));
    }

    @Test
    void theBuildIsKnownFromItsResource() {
        assertThat(CheckedStamp.build()).isNotBlank().doesNotContain("${");
    }

    @Test
    void aStartThatCheckedEveryFileLeavesTheirHashesVendorsAndSettings() throws Exception {
        List<FileVendor.Definition> read = MappingFiles.user(config);

        assertThat(read).extracting(FileVendor.Definition::vendor).containsExactly("acme", "beta");
        assertThat(Files.readAllLines(dir.resolve(CheckedStamp.NAME)).stream().filter(l -> !l.startsWith("#")))
                .containsExactly("build\t" + CheckedStamp.build(),
                        digest(ACME) + "\tacme.yaml\tacme\tsecret,region",
                        digest(ACME.replace("vendor: acme", "vendor: beta")) + "\tbeta.yaml\tbeta\tsecret,region");
    }

    @Test
    void theNextStartReadsAnUnchangedFileWhenItsVendorIsFirstNeeded() throws Exception {
        MappingFiles.user(config);
        // A stamp that vouches for a file with a mistake (written by hand): start-up trusts the digest...
        Files.writeString(dir.resolve("acme.yaml"), BROKEN);
        Files.writeString(dir.resolve(CheckedStamp.NAME), Files.readString(dir.resolve(CheckedStamp.NAME))
                .replace(digest(ACME), digest(BROKEN)));

        List<FileVendor.Definition> read = MappingFiles.user(config);

        FileVendor.Definition acme = read.get(0);
        assertThat(acme.vendor()).isEqualTo("acme");
        assertThat(acme.requiredSettings()).containsExactly("secret", "region");
        assertThat(acme.file()).isEqualTo(dir.resolve("acme.yaml").toString());
        // ...and reading the file when first needed still checks it.
        assertThatThrownBy(() -> acme.reader().get()).isInstanceOf(MappingFileError.class)
                .hasMessageContaining("acme.yaml:12: ").hasMessageContaining("CONVERSAO");
        assertThat(read.get(1).reader().get().vendor()).isEqualTo("beta");
    }

    @Test
    void aFileChangedSinceTheStampIsCheckedAtStartUp() throws Exception {
        MappingFiles.user(config);
        Files.writeString(dir.resolve("acme.yaml"), BROKEN);

        assertThatThrownBy(() -> MappingFiles.user(config)).isInstanceOf(MappingFileError.class)
                .hasMessageContaining("acme.yaml:12: ");
    }

    @Test
    void anotherBuildsStampIsNotTrusted() throws Exception {
        MappingFiles.user(config);
        Files.writeString(dir.resolve("acme.yaml"), BROKEN);
        Files.writeString(dir.resolve(CheckedStamp.NAME), Files.readString(dir.resolve(CheckedStamp.NAME))
                .replace(digest(ACME), digest(BROKEN)).replace(CheckedStamp.build(), "0.0.1 20200101T000000000Z"));

        assertThatThrownBy(() -> MappingFiles.user(config)).isInstanceOf(MappingFileError.class)
                .hasMessageContaining("acme.yaml:12: ");
    }

    @Test
    void aFileAddedOrRemovedRewritesTheStamp() throws Exception {
        MappingFiles.user(config);
        Files.delete(dir.resolve("beta.yaml"));
        Files.writeString(dir.resolve("gama.yml"), ACME.replace("vendor: acme", "vendor: gama"));

        assertThat(MappingFiles.user(config)).extracting(FileVendor.Definition::vendor).containsExactly("acme", "gama");
        assertThat(Files.readString(dir.resolve(CheckedStamp.NAME))).contains("\tacme.yaml\tacme\t", "\tgama.yml\tgama\t")
                .doesNotContain("beta");
    }

    @Test
    void aDirectoryThatTakesNoStampIsCheckedAtEveryStart() throws Exception {
        Files.createDirectory(dir.resolve(CheckedStamp.NAME + ".partial")); // where the stamp is written first

        assertThat(MappingFiles.user(config)).hasSize(2);
        assertThat(dir.resolve(CheckedStamp.NAME)).doesNotExist();
        assertThat(dir.resolve(CheckedStamp.NAME + ".partial")).as("not Ponte's to remove").isDirectory();
        Files.writeString(dir.resolve("acme.yaml"), BROKEN);
        assertThatThrownBy(() -> MappingFiles.user(config)).isInstanceOf(MappingFileError.class);
    }

    @Test
    void aStampThatDoesNotReadIsIgnored() throws Exception {
        Files.writeString(dir.resolve(CheckedStamp.NAME), "build\t" + CheckedStamp.build() + "\nnot a line of a stamp\n");
        Files.writeString(dir.resolve("acme.yaml"), BROKEN);

        assertThatThrownBy(() -> MappingFiles.user(config)).isInstanceOf(MappingFileError.class);
    }

    private static String digest(String text) {
        return CheckedStamp.digest(text.getBytes(StandardCharsets.UTF_8));
    }
}
