package dev.ponte.webhook;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

/**
 * {@code PONTE_TRACING_ENABLED} decides Quarkus's own {@code quarkus.otel.sdk.disabled} (its
 * opposite, so users set the one positive switch Ponte documents), and
 * {@code PONTE_TRACING_ENDPOINT} its OTLP endpoint. Registered as a service, so it also holds for
 * the native binary. It takes the application's priority, the default, without a
 * {@code @Priority} annotation: reading one at every start generated a proxy class
 * (about 35 ms in a class-load log of the start).
 */
public class TracingSwitch implements ConfigSourceInterceptor {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    static final String ENDPOINT = "quarkus.otel.exporter.otlp.endpoint";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        if (SDK_DISABLED.equals(name)) {
            ConfigValue enabled = context.proceed("ponte.tracing.enabled");
            boolean on = enabled != null && enabled.getValue() != null && enabled.getValue().trim().equalsIgnoreCase("true");
            return value(context, name, String.valueOf(!on));
        }
        if (ENDPOINT.equals(name)) {
            ConfigValue endpoint = context.proceed("ponte.tracing.endpoint");
            if (endpoint != null && endpoint.getValue() != null && !endpoint.getValue().isBlank()) {
                return value(context, name, endpoint.getValue().trim());
            }
        }
        return context.proceed(name);
    }

    private static ConfigValue value(ConfigSourceInterceptorContext context, String name, String value) {
        ConfigValue own = context.proceed(name);
        return (own != null ? own : ConfigValue.builder().withName(name).build()).withValue(value);
    }
}
