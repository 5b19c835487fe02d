package dev.ponte.rd;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How Ponte reaches RD: where, with which credentials, and how patiently. */
@ConfigMapping(prefix = "ponte.rd")
public interface RdConfig {

    /** {@code PONTE_RD_URL}; the token endpoint is {@code <url>/auth/token}. */
    @WithDefault("https://api.rd.services")
    String url();

    Optional<String> clientId();

    Optional<String> clientSecret();

    Optional<String> refreshToken();

    /** A fixed access token, for users who refresh it themselves. */
    Optional<String> accessToken();

    /** The legacy key; RD accepts it for CONVERSION events only. */
    Optional<String> apiKey();

    /** All attempts for one delivery must end within this; the default answers a vendor inside 3 s. */
    @WithDefault("2500ms")
    Duration budget();

    /**
     * {@code PONTE_RD_ATTEMPT_TIMEOUT_MS}: how long one request to RD may go unanswered before it
     * counts as maybe delivered. Ten seconds by default: far above RD's usual latency (well under
     * a second) and its slow moments (a few seconds), because a request that times out may still
     * have been processed, and is then held for the operator rather than sent again. The vendor
     * does not wait for it: after {@link #budget()} it is answered and the request runs on. The
     * REST client's read timeout is set from it (application.properties), so the two never disagree.
     */
    long attemptTimeoutMs();

    /** The first back-off; each retry doubles it, with full jitter, up to {@link #maxBackoff()}. */
    @WithDefault("100ms")
    Duration initialBackoff();

    @WithDefault("1s")
    Duration maxBackoff();

    /** An access token is renewed this long before RD says it expires. */
    @WithDefault("5m")
    Duration tokenRefreshMargin();

    /** {@code PONTE_RD_RATE_LIMIT_PER_MINUTE}: the queue worker's pace (RD allows 120/min, 500 on Advanced). */
    @WithDefault("120")
    int rateLimitPerMinute();

    /**
     * {@code PONTE_RD_CALLS_AT_ONCE}: calls to RD under way at once while senders wait; deliveries
     * arriving beyond that share the next call (see {@code SharedCalls}).
     */
    @WithDefault("4")
    int callsAtOnce();

    /** RD refuses batch bodies over 0.2 MB; larger batches are split into several calls. */
    @WithDefault("200000")
    int batchMaxBytes();

    /**
     * {@code PONTE_RD_ECOMMERCE_EVENTS}: {@code current} (RD's ECOMMERCE_* family) or {@code legacy}
     * (the four older e-commerce types) for every store; {@code PONTE_VENDORS_<VENDOR>_ECOMMERCE_EVENTS}
     * overrides it for one store.
     */
    @WithDefault("current")
    EcommerceFamily ecommerceEvents();

    /** When to stop sending to an RD that keeps failing (see {@link RdCircuit}). */
    Circuit circuit();

    interface Circuit {

        /** {@code PONTE_RD_CIRCUIT_OPEN_AFTER}: how long RD must fail, without one success, before the circuit opens. */
        @WithDefault("10s")
        Duration openAfter();

        /** The failed attempts that must also have happened in that time. */
        @WithDefault("5")
        int minFailures();

        /** While open, one request this often still goes to RD, to find out it is back. */
        @WithDefault("2s")
        Duration probeEvery();
    }
}
