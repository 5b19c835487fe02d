package dev.ponte.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponte.delivery.state.StateStore;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A replay check the state store cannot answer stops the webhook with "send it again", never lets it through. */
class ReplayGuardTest {

    private static final DedupeConfig CONFIG = new DedupeConfig() {
        @Override
        public Optional<String> table() {
            return Optional.empty();
        }

        @Override
        public Duration ttl() {
            return Duration.ofHours(72);
        }

        @Override
        public Duration claimTimeout() {
            return Duration.ofMinutes(2);
        }

        @Override
        public Duration replayWindow() {
            return Duration.ofHours(72);
        }
    };

    @Test
    void anUnreachableStoreIsStateUnavailableNotAnAnswer() {
        StateStore broken = (StateStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {StateStore.class},
                (proxy, method, args) -> {
                    throw new IllegalStateException("Chunk 957 not found");
                });
        ReplayGuard guard = new ReplayGuard(broken, CONFIG);
        assertThatThrownBy(() -> guard.isReplay("shopify", "orders/create", "{}".getBytes(StandardCharsets.UTF_8), "shopify:1"))
                .isInstanceOf(StateUnavailable.class)
                .hasMessage("Ponte's state store could not be reached (checking for a replay), so nothing was sent. Send it again.");
    }

    @Test
    void theSameSignedBodyUnderAnotherKeyIsAReplay() {
        ReplayGuard guard = new ReplayGuard(new dev.ponte.delivery.state.MemoryStateStore(java.time.Clock.systemUTC(),
                new dev.ponte.delivery.state.Retention(Duration.ofHours(72), Duration.ofMinutes(2), Duration.ofDays(7))), CONFIG);
        byte[] body = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);
        assertThat(guard.isReplay("shopify", "orders/create", body, "shopify:a")).isFalse();
        assertThat(guard.isReplay("shopify", "orders/create", body, "shopify:a")).isFalse();
        assertThat(guard.isReplay("shopify", "orders/create", body, "shopify:b")).isTrue();
    }
}
