package dev.ponte.webhook;

import dev.ponte.delivery.Platform;
import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

/**
 * {@code PONTE_LOG_FORMAT} is the one setting users know: it decides Quarkus's own
 * {@code quarkus.log.console.json.enabled} ({@code json} on, {@code text} off, unset: on only on
 * AWS Lambda), wherever it is set (environment, system property, application.properties).
 * Registered as a service, so it also holds for the native binary. It takes the application's
 * priority, the default, without a {@code @Priority} annotation: reading one at every start
 * generated a proxy class (about 35 ms in a class-load log of the start).
 */
public class LogFormatInterceptor implements ConfigSourceInterceptor {

    static final String QUARKUS_JSON = "quarkus.log.console.json.enabled";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        if (!QUARKUS_JSON.equals(name)) {
            return context.proceed(name);
        }
        ConfigValue format = context.proceed("ponte.log.format");
        String setting = format == null ? null : format.getValue();
        // A misspelt value is reported by LogConfig's own mapping; here it only keeps text.
        boolean json = setting == null || setting.isBlank() ? LogConfig.defaultFormat(Platform.current().lambda()) == LogConfig.Format.JSON
                : setting.trim().equalsIgnoreCase("json");
        ConfigValue own = context.proceed(name);
        return (own != null ? own : ConfigValue.builder().withName(name).build()).withValue(String.valueOf(json));
    }
}
