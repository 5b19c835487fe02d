package dev.ponte.webhook;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Tracing asked of a build without it stops start-up, saying how to build it. */
class TracingCheckTest {

    @Test
    void askingForTracingOfABuildWithoutItIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> TracingCheck.refuseWithoutTracing(true, "dev.ponte.NoSuchExtension"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("-Plambda,tracing")
                .hasMessageContaining("PONTE_TRACING_ENABLED");
    }

    @Test
    void aBuildWithItOrTracingLeftOffStarts() {
        assertThatCode(() -> TracingCheck.refuseWithoutTracing(true, String.class.getName())).doesNotThrowAnyException();
        assertThatCode(() -> TracingCheck.refuseWithoutTracing(false, "dev.ponte.NoSuchExtension")).doesNotThrowAnyException();
    }
}
