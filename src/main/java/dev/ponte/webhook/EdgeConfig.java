package dev.ponte.webhook;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.Optional;

/** The HTTP edge: who may call the operator endpoints, and how large a request may be. */
@ConfigMapping(prefix = "ponte")
public interface EdgeConfig {

    /** {@code PONTE_API_TOKEN}: the bearer token for {@code /events} and {@code /admin}; unset closes them. */
    Optional<String> apiToken();

    /**
     * {@code PONTE_PUBLIC_URL}: the base URL vendors call (e.g. the API Gateway stage URL). Some
     * vendors sign the URL itself, and behind a gateway the request's own URL differs.
     */
    Optional<String> publicUrl();

    /** {@code PONTE_MAX_BODY_SIZE}: larger requests are refused with 413 before being parsed. */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /**
     * {@code PONTE_BODY_READ_TIMEOUT}: how long a client may take to send its whole body before
     * it is answered 408 and its connection closed.
     */
    @WithDefault("10S")
    java.time.Duration bodyReadTimeout();

    /**
     * {@code PONTE_WARM_UP}: once the server listens, walk the webhook path once in the background
     * ({@link FirstWebhookWarmUp}), so that the first real webhook does not pay for loading it.
     */
    @WithName("warm-up")
    @WithDefault("true")
    boolean warmUp();
}
