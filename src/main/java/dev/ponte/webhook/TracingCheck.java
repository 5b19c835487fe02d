package dev.ponte.webhook;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Tracing asked for of a build without it stops start-up with what to do, rather than running
 * untraced while the user waits for spans.
 */
@ApplicationScoped
public class TracingCheck {

    /** A class of Quarkus's OpenTelemetry extension: present only in a {@code -Ptracing} build. */
    static final String EXTENSION_CLASS = "io.quarkus.opentelemetry.runtime.OpenTelemetryUtil";

    void check(@Observes StartupEvent start, TracingConfig tracing) {
        refuseWithoutTracing(tracing.enabled(), EXTENSION_CLASS);
    }

    static void refuseWithoutTracing(boolean enabled, String extensionClass) {
        if (enabled && !present(extensionClass)) {
            throw new IllegalStateException("PONTE_TRACING_ENABLED=true, but this build of Ponte has no tracing:"
                    + " build it with the tracing profile (./mvnw package -Plambda,tracing, or -Phttp,tracing), or"
                    + " unset PONTE_TRACING_ENABLED.");
        }
    }

    static boolean present(String className) {
        try {
            Class.forName(className, false, TracingCheck.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException absent) {
            return false;
        }
    }
}
