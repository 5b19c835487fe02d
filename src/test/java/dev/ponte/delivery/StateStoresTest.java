package dev.ponte.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which store the configuration chooses, and where a local one is refused because it would not outlive the instance. */
class StateStoresTest {

    record Dedupe(Optional<String> table) implements DedupeConfig {
        public Duration ttl() {
            return Duration.ofHours(72);
        }

        public Duration claimTimeout() {
            return Duration.ofMinutes(2);
        }

        public Duration replayWindow() {
            return Duration.ofHours(72);
        }
    }

    record State(Kind kind, Optional<String> dir) implements StateConfig {
        public int memoryKeys() {
            return 50_000;
        }
    }

    static final Dedupe NO_TABLE = new Dedupe(Optional.empty());
    static final State EMBEDDED = new State(StateConfig.Kind.embedded, Optional.empty());

    @Test
    void aTableMeansDynamoDbWhereverPonteRuns() {
        assertThat(StateStores.choose(new Dedupe(Optional.of("ponte-dedupe")), EMBEDDED,
                new Platform(Map.of("AWS_LAMBDA_FUNCTION_NAME", "ponte")))).isEqualTo(StateStores.Choice.DYNAMODB);
    }

    @Test
    void onAServerOrALaptopTheEmbeddedStoreIsTheDefault() {
        assertThat(StateStores.choose(NO_TABLE, EMBEDDED, new Platform(Map.of()))).isEqualTo(StateStores.Choice.EMBEDDED);
        assertThat(StateStores.choose(NO_TABLE, new State(StateConfig.Kind.memory, Optional.empty()), new Platform(Map.of())))
                .isEqualTo(StateStores.Choice.MEMORY);
    }

    @Test
    void onLambdaTheEmbeddedStoreIsRefusedNamingTheTable() {
        assertThatThrownBy(() -> StateStores.choose(NO_TABLE, new State(StateConfig.Kind.embedded, Optional.of("/tmp/state")),
                new Platform(Map.of("AWS_LAMBDA_FUNCTION_NAME", "ponte"))))
                .hasMessageContaining("AWS Lambda").hasMessageContaining("PONTE_DEDUPE_TABLE")
                .hasMessageNotContaining("volume");
    }

    @Test
    void onCloudRunItIsRefusedUnlessADirectoryOnAVolumeIsNamed() {
        Platform cloudRun = new Platform(Map.of("K_SERVICE", "ponte"));
        assertThatThrownBy(() -> StateStores.choose(NO_TABLE, EMBEDDED, cloudRun))
                .hasMessageContaining("Cloud Run").hasMessageContaining("PONTE_DEDUPE_TABLE")
                .hasMessageContaining("PONTE_STATE_DIR");
        assertThat(StateStores.choose(NO_TABLE, new State(StateConfig.Kind.embedded, Optional.of("/mnt/state")), cloudRun))
                .isEqualTo(StateStores.Choice.EMBEDDED);
    }
}
