package dev.ponte.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How Ponte writes its log. */
@ConfigMapping(prefix = "ponte.log")
public interface LogConfig {

    enum Format {
        /** One line a person reads, the request's fields as JSON at its end. */
        TEXT,
        /** One JSON object per line, for machines; a request's fields are its {@code mdc} fields. */
        JSON
    }

    /** {@code PONTE_LOG_FORMAT}: {@code text} or {@code json}. */
    @WithDefault("text")
    Format format();
}
