package dev.ponte.webhook;

import dev.ponte.delivery.Platform;
import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** How Ponte writes its log. */
@ConfigMapping(prefix = "ponte.log")
public interface LogConfig {

    enum Format {
        /** One line a person reads, the request's fields as JSON at its end. */
        TEXT,
        /** One JSON object per line, for machines; a request's fields are its {@code mdc} fields. */
        JSON
    }

    /**
     * {@code PONTE_LOG_FORMAT}: {@code text} or {@code json}. Unset: {@code json} on AWS Lambda,
     * where CloudWatch Logs reads it, {@code text} elsewhere.
     */
    Optional<Format> format();

    /** The format in force, decided once at start-up. */
    default Format effectiveFormat() {
        return format().orElseGet(() -> defaultFormat(Platform.current().lambda()));
    }

    static Format defaultFormat(boolean onLambda) {
        return onLambda ? Format.JSON : Format.TEXT;
    }
}
