package dev.ponte.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A PONTE_RD_CALLS_AT_ONCE that allows no call stops start-up, naming the setting. */
class SharedCallsSettingTest {

    @Test
    void noCallAtOnceIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> SharedCalls.atOnce(0)).isInstanceOf(IllegalStateException.class)
                .hasMessage("PONTE_RD_CALLS_AT_ONCE must be at least 1, not 0");
        assertThatThrownBy(() -> SharedCalls.atOnce(-2)).hasMessageContaining("PONTE_RD_CALLS_AT_ONCE");
    }

    @Test
    void oneCallOrMoreIsTakenAsConfigured() {
        assertThat(SharedCalls.atOnce(1)).isEqualTo(1);
        assertThat(SharedCalls.atOnce(4)).isEqualTo(4);
    }
}
