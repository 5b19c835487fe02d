package dev.ponte.rd;

import java.time.Duration;

/**
 * RD could not answer this time (5xx, 429, timeout, connection refused); a later attempt may
 * succeed. {@code retryAfter} is what RD asked us to wait, when it said.
 */
public class RdTransientFailure extends RuntimeException {

    private final transient Duration retryAfter;

    public RdTransientFailure(String message, Duration retryAfter) {
        super(message, null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
