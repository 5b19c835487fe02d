package dev.ponte.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * OpenTelemetry tracing: the vendor's W3C {@code traceparent} continued through Ponte into its
 * calls to RD, spans sent over OTLP, the trace id in the request's log line. Off by default, so
 * a cold start does not pay for it.
 */
@ConfigMapping(prefix = "ponte.tracing")
public interface TracingConfig {

    /** {@code PONTE_TRACING_ENABLED}: whether to trace. */
    @WithDefault("false")
    boolean enabled();

    /** {@code PONTE_TRACING_ENDPOINT}: the OTLP (gRPC) collector spans go to; Quarkus's default, {@code http://localhost:4317}, when unset. */
    Optional<String> endpoint();
}
