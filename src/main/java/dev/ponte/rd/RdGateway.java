package dev.ponte.rd;

import dev.ponte.rd.events.EventType;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Sends to RD and decides what each answer means. What failed for sure (5xx, 429, a connection
 * that never opened) is retried with exponential back-off and jitter, or after RD's
 * {@code Retry-After}, while the deadline allows; a 401 renews the token once; what RD refuses
 * is final; and a request that got no answer is never sent again, since RD may have processed
 * it. When the deadline comes while RD is still working on a request, the request is not
 * abandoned: the caller gets {@link RdOutcome.InFlight} and RD's answer when it comes.
 */
@ApplicationScoped
public class RdGateway {

    private static final org.jboss.logging.Logger RATE_LIMITS = org.jboss.logging.Logger.getLogger("ponte.rd");

    /** The least time a retry must have before the deadline: a few of RD's usual answers. */
    private static final long RETRY_ROOM_MS = 300;

    private final RdApi api;
    private final RdAccessTokens tokens;
    private final RdCircuit circuit;
    private final RdConfig config;
    private final Clock clock;
    private final dev.ponte.journal.Traffic traffic;

    @Inject
    public RdGateway(@RestClient RdApi api, RdAccessTokens tokens, RdCircuit circuit, RdConfig config, Clock clock,
            dev.ponte.journal.Traffic traffic) {
        this.api = api;
        this.tokens = tokens;
        this.circuit = circuit;
        this.config = config;
        this.clock = clock;
        this.traffic = traffic;
    }

    /**
     * One event ({@code POST /platform/events}, with {@code ?event_type=} for the ECOMMERCE_*
     * family), or the legacy conversions endpoint when only an API key is set.
     */
    public RdOutcome sendEvent(String body, EventType type, Instant deadline) {
        RdCredentials credentials = RdCredentials.from(config);
        if (!credentials.hasBearer()) {
            if (type != EventType.CONVERSION || credentials.apiKey().isEmpty()) {
                return new RdOutcome.CredentialsRefused(type + " events need OAuth credentials;"
                        + " PONTE_RD_API_KEY only sends CONVERSION events. Set " + RdCredentials.VARIABLES + ".", 0);
            }
            String key = credentials.apiKey().get();
            return exchange(auth -> api.conversion(key, body), false, deadline);
        }
        String named = type.ecommerce() ? type.name() : null;
        return exchange(auth -> api.event(auth, named, body), true, deadline);
    }

    /** One already packed batch body ({@code [...]}, at most {@link RdConfig#batchMaxBytes()}). */
    public RdOutcome sendBatch(String body, Instant deadline) {
        if (!RdCredentials.from(config).hasBearer()) {
            return new RdOutcome.CredentialsRefused("Batches need OAuth credentials; PONTE_RD_API_KEY only sends"
                    + " single CONVERSION events. Set " + RdCredentials.VARIABLES + ".", 0);
        }
        return exchange(auth -> api.batch(auth, body), true, deadline);
    }

    /** What one attempt came to, before the retry loop decides what to do next. */
    private sealed interface Attempt {
    }

    private record Settled(RdOutcome outcome) implements Attempt {
    }

    private record Unauthorized(String bearer) implements Attempt {
    }

    /** Failed for sure: another attempt may succeed. */
    private record Retryable(String reason, Duration retryAfter, boolean rateLimited) implements Attempt {
    }

    private RdOutcome exchange(Function<String, CompletionStage<Response>> request, boolean bearer, Instant deadline) {
        int attempts = 0;
        boolean renewed = false;
        Retryable last = null;
        while (true) {
            Optional<String> closed = circuit.permit();
            if (closed.isPresent()) {
                // After an attempt of its own, the delivery's reason is what RD answered it.
                return last == null ? new RdOutcome.Unavailable(closed.get(), null, false, attempts)
                        : new RdOutcome.Unavailable(last.reason() + "; not tried again: " + closed.get(), last.retryAfter(),
                                last.rateLimited(), attempts);
            }
            attempts++;
            int number = attempts;
            String auth;
            try {
                auth = bearer ? tokens.bearer() : null;
            } catch (RdCredentialsRefused e) {
                return new RdOutcome.CredentialsRefused(e.getMessage(), attempts);
            } catch (RdTransientFailure e) {
                // The token endpoint failed for sure; nothing was sent to the events API.
                last = new Retryable(e.getMessage(), e.retryAfter(), false);
                RdOutcome next = retryOrGiveUp(last, attempts, deadline);
                if (next != null) {
                    return next;
                }
                continue;
            }
            CompletableFuture<Attempt> attempt;
            long started = System.nanoTime();
            try {
                attempt = request.apply(auth).toCompletableFuture()
                        .handle((response, failure) -> classify(response, failure, auth, started));
            } catch (RuntimeException notSent) {
                attempt = CompletableFuture.completedFuture(classify(null, notSent, auth, started));
            }
            Attempt answer;
            try {
                answer = attempt.get(Math.max(0, deadline.toEpochMilli() - clock.millis()), TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillWorking) {
                return new RdOutcome.InFlight(attempt.thenApply(late -> late(late, number)), attempts);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new RdOutcome.InFlight(attempt.thenApply(late -> late(late, number)), attempts);
            } catch (ExecutionException e) {
                answer = classify(null, e.getCause(), auth, started);
            }
            if (answer instanceof Settled settled) {
                return withAttempts(settled.outcome(), attempts);
            }
            if (answer instanceof Unauthorized unauthorized) {
                if (bearer && !renewed && tokens.refused(unauthorized.bearer())) {
                    renewed = true;
                    continue;
                }
                return new RdOutcome.CredentialsRefused("RD refused Ponte's credentials (HTTP 401). Check "
                        + RdCredentials.VARIABLES + ".", attempts);
            }
            last = (Retryable) answer;
            RdOutcome next = retryOrGiveUp(last, attempts, deadline);
            if (next != null) {
                return next;
            }
        }
    }

    /** Sleeps before the next attempt and returns null, or returns the outcome when the deadline leaves no room. */
    private RdOutcome retryOrGiveUp(Retryable failure, int attempts, Instant deadline) {
        Duration wait = failure.retryAfter() == null ? backoff(attempts) : failure.retryAfter();
        // A retry needs room to be answered before the deadline: one started in its last moments
        // would turn RD's quick refusal into an "in flight" answer for the caller.
        if (clock.millis() + wait.toMillis() + RETRY_ROOM_MS >= deadline.toEpochMilli()) {
            return new RdOutcome.Unavailable(failure.reason() + "; gave up after " + attempts
                    + (attempts == 1 ? " attempt" : " attempts"), failure.retryAfter(), failure.rateLimited(), attempts);
        }
        Log.debugf("RD attempt %s failed (%s); retrying in %s ms", Integer.valueOf(attempts), failure.reason(), Long.valueOf(wait.toMillis()));
        sleep(wait);
        return null;
    }

    /** RD's answer to a request that outlived the deadline: no retry now, the caller records or parks it. */
    private RdOutcome late(Attempt attempt, int attempts) {
        if (attempt instanceof Settled settled) {
            return withAttempts(settled.outcome(), attempts);
        }
        if (attempt instanceof Unauthorized unauthorized) {
            tokens.refused(unauthorized.bearer());
            return new RdOutcome.Unavailable("RD refused the access token (HTTP 401); it is renewed for the next attempt",
                    null, false, attempts);
        }
        Retryable failure = (Retryable) attempt;
        return new RdOutcome.Unavailable(failure.reason(), failure.retryAfter(), failure.rateLimited(), attempts);
    }

    private Attempt classify(Response response, Throwable failure, String auth, long started) {
        Attempt attempt = classified(response, failure, auth);
        traffic.rd(result(attempt), System.nanoTime() - started);
        return attempt;
    }

    /** What the console counts this attempt as. */
    private static String result(Attempt attempt) {
        if (attempt instanceof Settled settled) {
            return settled.outcome() instanceof RdOutcome.Accepted ? "accepted"
                    : settled.outcome() instanceof RdOutcome.NoAnswer ? "no_answer" : "refused";
        }
        if (attempt instanceof Retryable retryable) {
            return retryable.rateLimited() ? "rate_limited"
                    : retryable.reason().startsWith("RD could not be reached") ? "unreachable" : "failed";
        }
        return "unauthorized";
    }

    private Attempt classified(Response response, Throwable failure, String auth) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (neverSent(cause)) {
                circuit.failed();
                return new Retryable("RD could not be reached: " + describe(cause), null, false);
            }
            circuit.failed();
            return new Settled(new RdOutcome.NoAnswer("RD did not answer (" + describe(cause) + " after "
                    + config.attemptTimeoutMs() + " ms at most); it may have processed the request", 0));
        }
        try (response) {
            int status = response.getStatus();
            if (status / 100 == 2) {
                circuit.succeeded();
                return new Settled(new RdOutcome.Accepted(RdResponses.json(response), 0));
            }
            if (status == 429) {
                Duration wait = RetryAfter.parse(response.getHeaderString("Retry-After"), clock);
                // One structured line per 429: the monitoring stack counts them (infra/monitoring.yaml).
                RATE_LIMITS.warnf("{\"rd\":\"rate_limited\",\"retry_after_ms\":%s}",
                        wait == null ? "null" : String.valueOf(wait.toMillis()));
                return new Retryable("RD is rate limiting (HTTP 429)", wait, true);
            }
            if (status >= 500) {
                circuit.failed();
                return new Retryable("RD answered HTTP " + status,
                        RetryAfter.parse(response.getHeaderString("Retry-After"), clock), false);
            }
            circuit.succeeded();
            if (status == 401 && auth != null) {
                return new Unauthorized(auth);
            }
            if (status == 401 || status == 403) {
                return new Settled(new RdOutcome.CredentialsRefused("RD refused Ponte's credentials (HTTP " + status
                        + "). Check " + RdCredentials.VARIABLES + ".", 0));
            }
            return new Settled(new RdOutcome.Rejected(status, RdResponses.errors(status, RdResponses.text(response)), 0));
        }
    }

    /** Failures that happen before a request can have reached RD: the connection never opened. */
    private static boolean neverSent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private static RdOutcome withAttempts(RdOutcome outcome, int attempts) {
        if (outcome instanceof RdOutcome.Accepted a) {
            return new RdOutcome.Accepted(a.body(), attempts);
        }
        if (outcome instanceof RdOutcome.Rejected r) {
            return new RdOutcome.Rejected(r.status(), r.errors(), attempts);
        }
        if (outcome instanceof RdOutcome.CredentialsRefused c) {
            return new RdOutcome.CredentialsRefused(c.message(), attempts);
        }
        if (outcome instanceof RdOutcome.Unavailable u) {
            return new RdOutcome.Unavailable(u.reason(), u.retryAfter(), u.rateLimited(), attempts);
        }
        if (outcome instanceof RdOutcome.NoAnswer n) {
            return new RdOutcome.NoAnswer(n.reason(), attempts);
        }
        return outcome;
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

    static String describe(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return "connection refused";
            }
            if (cause instanceof UnknownHostException) {
                return "unknown host " + cause.getMessage();
            }
            if (cause instanceof TimeoutException || cause instanceof SocketTimeoutException
                    || cause.getClass().getSimpleName().contains("Timeout")) {
                return "timed out";
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? "connection lost" : root.getMessage();
    }
}
