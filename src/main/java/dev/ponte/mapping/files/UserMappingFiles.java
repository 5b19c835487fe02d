package dev.ponte.mapping.files;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The user's mapping files of {@code PONTE_MAPPINGS_DIR}, read and checked on a thread of their
 * own from the first moment of a start at which Ponte's configuration is known (when the HTTP
 * router is made) while Quarkus goes on starting; the vendors' registry waits for them before
 * the start completes. Checking ten files costs about 0.2 s of a cold JVM (the YAML reader's and
 * the checks' first, interpreted run), which a start that is mostly one thread's work spends on
 * another core; files an earlier start of this build checked cost about 10 ms
 * ({@link CheckedStamp}). A file with a mistake still stops the start, with the same message.
 */
@Singleton
public class UserMappingFiles {

    private final MappingsConfig config;
    private CompletableFuture<Read> reading;

    /** The files, and their fingerprint taken before they were read (so a change while reading is seen later). */
    public record Read(String fingerprint, List<FileVendor.Definition> files) {
    }

    @Inject
    public UserMappingFiles(MappingsConfig config) {
        this.config = config;
    }

    void readEarly(@Observes Router router) {
        reading();
    }

    private synchronized CompletableFuture<Read> reading() {
        if (reading == null) {
            reading = config.dir().filter(dir -> !dir.isBlank()).isEmpty()
                    ? CompletableFuture.completedFuture(new Read("", List.of()))
                    : CompletableFuture.supplyAsync(() -> new Read(MappingFiles.fingerprint(config), MappingFiles.user(config)), task -> {
                        Thread thread = new Thread(task, "ponte-mapping-files");
                        thread.setDaemon(true);
                        thread.start();
                    });
        }
        return reading;
    }

    /** The files as read at start-up; a mistake in one is thrown here, as reading it would have thrown it. */
    public Read read() {
        try {
            return reading().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
