package dev.ponte.journal;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Where Ponte's counts go besides {@code /q/metrics}. */
@ConfigMapping(prefix = "ponte.metrics")
public interface MetricsConfig {

    /**
     * {@code PONTE_METRICS_EMF}: whether to print CloudWatch embedded metric format lines on
     * standard output, which CloudWatch Logs turns into metrics with no agent. Unset: on when
     * running on AWS Lambda (the runtime sets {@code AWS_LAMBDA_FUNCTION_NAME}), off elsewhere.
     */
    Optional<Boolean> emf();

    /** Whether this process prints the lines, decided once at start-up. */
    default boolean emfEnabled() {
        return emf().orElseGet(() -> dev.ponte.delivery.Platform.current().lambda());
    }
}
