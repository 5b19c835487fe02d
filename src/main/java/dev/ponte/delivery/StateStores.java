package dev.ponte.delivery;

import dev.ponte.delivery.state.DynamoDbStateStore;
import dev.ponte.delivery.state.EmbeddedStateStore;
import dev.ponte.delivery.state.MemoryStateStore;
import dev.ponte.delivery.state.Retention;
import dev.ponte.delivery.state.StateStore;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Chooses the state store once, from configuration: DynamoDB when {@code PONTE_DEDUPE_TABLE}
 * is set (instances share it), else the embedded store under {@code PONTE_STATE_DIR}, or memory
 * when {@code PONTE_STATE=memory}. The choice is checked at start-up; the store itself opens on
 * first use, so start-up does no I/O for it.
 */
@ApplicationScoped
public class StateStores {

    static final String DEFAULT_DIR = "ponte-state";

    /** What the configuration chose, or a refusal naming the setting to change. */
    enum Choice { DYNAMODB, EMBEDDED, MEMORY }

    static Choice choose(DedupeConfig dedupe, StateConfig state, Platform platform) {
        if (dedupe.table().filter(t -> !t.isBlank()).isPresent()) {
            return Choice.DYNAMODB;
        }
        if (state.kind() == StateConfig.Kind.memory) {
            return Choice.MEMORY;
        }
        platform.ephemeralDisk().ifPresent(where -> {
            if (platform.lambda() || state.dir().isEmpty()) {
                throw new IllegalStateException("Ponte keeps its state (delivered keys, dead letters, timers) on local"
                        + " disk, which " + where + " loses with the instance. Set PONTE_DEDUPE_TABLE to a DynamoDB table"
                        + (platform.lambda() ? "" : ", or PONTE_STATE_DIR to a volume that outlives instances")
                        + " (PONTE_STATE=memory keeps it in memory, and loses it on every restart).");
            }
        });
        return Choice.EMBEDDED;
    }

    void check(@Observes StartupEvent start, DedupeConfig dedupe, StateConfig state) {
        choose(dedupe, state, Platform.current());
    }

    @Produces
    @Singleton
    StateStore store(DedupeConfig dedupe, StateConfig state, RedeliveryConfig redelivery, AwsClients aws, Clock clock) {
        Retention retention = new Retention(dedupe.ttl(), dedupe.claimTimeout(), dedupe.ttl().plus(redelivery.maxAge()));
        return switch (choose(dedupe, state, Platform.current())) {
            case DYNAMODB -> new DynamoDbStateStore(aws.dynamo(), dedupe.table().get(), clock, retention);
            case MEMORY -> new MemoryStateStore(clock, retention, state.memoryKeys());
            case EMBEDDED -> {
                Path dir = Path.of(state.dir().filter(d -> !d.isBlank()).orElse(DEFAULT_DIR));
                Log.infof("state: embedded store in %s", dir.toAbsolutePath());
                yield new EmbeddedStateStore(dir, clock, retention);
            }
        };
    }

    /** At shutdown: the embedded file is closed with its last pages written. */
    void close(@Disposes StateStore store) {
        if (store instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                Log.warnf(e, "could not close the state store cleanly");
            }
        }
    }
}
