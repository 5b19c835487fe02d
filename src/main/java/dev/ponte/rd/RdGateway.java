package dev.ponte.rd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.rd.events.EventType;
import dev.ponte.rd.events.RdEvent;
import dev.ponte.rd.events.RdJson;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Sends to RD and decides what each answer means. Connection failures, timeouts, 5xx and 429 are
 * retried with exponential back-off and jitter, or after RD's {@code Retry-After}; a 401 renews
 * the token once; anything else RD refuses is final. Every delivery ends within the configured
 * budget: a wait that would end past it is not started.
 */
@ApplicationScoped
public class RdGateway {

    private static final org.jboss.logging.Logger RATE_LIMITS = org.jboss.logging.Logger.getLogger("ponte.rd");

    private final RdApi api;
    private final RdAccessTokens tokens;
    private final RdCircuit circuit;
    private final RdConfig config;
    private final Clock clock;

    @Inject
    public RdGateway(@RestClient RdApi api, RdAccessTokens tokens, RdCircuit circuit, RdConfig config, Clock clock) {
        this.api = api;
        this.tokens = tokens;
        this.circuit = circuit;
        this.config = config;
        this.clock = clock;
    }

    /** One event: {@code POST /platform/events}, or the legacy conversions endpoint when only an API key is set. */
    public RdOutcome send(RdEvent event) {
        return send(event, config.budget());
    }

    public RdOutcome send(RdEvent event, Duration budget) {
        String body = RdJson.string(event);
        RdCredentials credentials = RdCredentials.from(config);
        if (!credentials.hasBearer()) {
            if (event.eventType() != EventType.CONVERSION || credentials.apiKey().isEmpty()) {
                return new RdOutcome.CredentialsRefused(event.eventType() + " events need OAuth credentials;"
                        + " PONTE_RD_API_KEY only sends CONVERSION events. Set " + RdCredentials.VARIABLES + ".", 0);
            }
            String key = credentials.apiKey().get();
            return exchange(auth -> api.conversion(key, body), false, budget);
        }
        return exchange(auth -> api.event(auth, body), true, budget);
    }

    /** One already packed batch body ({@code [...]}, at most {@link RdConfig#batchMaxBytes()}). */
    public RdOutcome sendBatch(String body, Duration budget) {
        if (!RdCredentials.from(config).hasBearer()) {
            return new RdOutcome.CredentialsRefused("Batches need OAuth credentials; PONTE_RD_API_KEY only sends"
                    + " single CONVERSION events. Set " + RdCredentials.VARIABLES + ".", 0);
        }
        return exchange(auth -> api.batch(auth, body), true, budget);
    }

    private RdOutcome exchange(Function<String, Response> request, boolean bearer, Duration budget) {
        long deadline = clock.millis() + budget.toMillis();
        int attempts = 0;
        boolean renewed = false;
        while (true) {
            attempts++;
            Duration wait;
            String reason;
            try {
                String auth = bearer ? tokens.bearer() : null;
                try (Response response = circuit.call(() -> request.apply(auth))) {
                    int status = response.getStatus();
                    if (status / 100 == 2) {
                        return new RdOutcome.Accepted(RdResponses.json(response), attempts);
                    }
                    if (status == 401 && bearer && !renewed && tokens.refused(auth)) {
                        renewed = true;
                        continue;
                    }
                    if (status == 401 || status == 403) {
                        return new RdOutcome.CredentialsRefused("RD refused Ponte's credentials (HTTP " + status
                                + "). Check " + RdCredentials.VARIABLES + ".", attempts);
                    }
                    if (status != 429) {
                        return new RdOutcome.Rejected(status, RdResponses.errors(status, RdResponses.text(response)),
                                attempts);
                    }
                    reason = "RD is rate limiting (HTTP 429)";
                    wait = RetryAfter.parse(response.getHeaderString("Retry-After"), clock);
                    // One structured line per 429: the monitoring stack counts them (infra/monitoring.yaml).
                    RATE_LIMITS.warnf("{\"rd\":\"rate_limited\",\"attempt\":%s,\"retry_after_ms\":%s}",
                            attempts, wait == null ? "null" : String.valueOf(wait.toMillis()));
                }
            } catch (RdCircuit.RdServerError e) {
                reason = e.getMessage();
                wait = RetryAfter.parse(e.retryAfterHeader, clock);
            } catch (RdTransientFailure e) {
                reason = e.getMessage();
                wait = e.retryAfter();
            } catch (ProcessingException e) {
                reason = "RD could not be reached: " + describe(e);
                wait = null;
            } catch (CircuitBreakerOpenException e) {
                return new RdOutcome.Unavailable("RD is failing; requests are paused for a few seconds (circuit open)",
                        attempts);
            } catch (RdCredentialsRefused e) {
                return new RdOutcome.CredentialsRefused(e.getMessage(), attempts);
            }
            if (wait == null) {
                wait = backoff(attempts);
            }
            long now = clock.millis();
            if (now + wait.toMillis() + config.attemptTimeoutMs() > deadline) {
                return new RdOutcome.Unavailable(reason + "; gave up after " + attempts
                        + (attempts == 1 ? " attempt" : " attempts") + " within " + budget.toMillis() + " ms", attempts);
            }
            Log.debugf("RD attempt %s failed (%s); retrying in %s ms", Integer.valueOf(attempts), reason, Long.valueOf(wait.toMillis()));
            sleep(wait);
        }
    }

    /** Exponential back-off with equal jitter: half the step is fixed, half random. */
    private Duration backoff(int attempt) {
        long cap = config.maxBackoff().toMillis();
        long step = Math.min(cap, config.initialBackoff().toMillis() << Math.min(attempt - 1, 20));
        long half = step / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry RD", e);
        }
    }

    static String describe(ProcessingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof SocketTimeoutException
                    || cause.getClass().getSimpleName().contains("Timeout")) {
                return "timed out";
            }
            if (cause instanceof ConnectException) {
                return "connection refused";
            }
        }
        return e.getMessage();
    }

    /** RD's body of an accepted request, for callers that read uuids. */
    public static JsonNode body(RdOutcome outcome) {
        return outcome instanceof RdOutcome.Accepted accepted ? accepted.body() : null;
    }
}
