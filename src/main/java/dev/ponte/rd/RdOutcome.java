package dev.ponte.rd;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * What became of one request to RD, after retries. RD has no idempotency key, so Ponte tells
 * apart what failed for sure (RD said so, or the request never left) from what got no answer:
 * the first may be sent again, the second may already be in RD and never is sent blindly.
 */
public sealed interface RdOutcome {

    int attempts();

    /** RD took it; {@code body} is RD's answer ({@code event_uuid}, or the batch's uuids). */
    record Accepted(JsonNode body, int attempts) implements RdOutcome {
    }

    /** RD refused the content (4xx other than auth and rate limit): retrying cannot help. */
    record Rejected(int status, RdErrors errors, int attempts) implements RdOutcome {
    }

    /** RD refused Ponte's credentials: the operator must fix the configuration. */
    record CredentialsRefused(String message, int attempts) implements RdOutcome {
    }

    /**
     * Failed for sure: RD answered 5xx or 429, could not be reached, or was not tried (the
     * circuit is open). {@code retryAfter}: what RD asked to wait, when it said; {@code rateLimited}:
     * the last answer was a 429.
     */
    record Unavailable(String reason, Duration retryAfter, boolean rateLimited, int attempts) implements RdOutcome {
    }

    /** A request that got no answer (timed out, connection lost): RD may have processed it. */
    record NoAnswer(String reason, int attempts) implements RdOutcome {
    }

    /**
     * The time budget ended while RD was still working on a request. It is not abandoned:
     * {@code settled} completes with what RD finally answers (never another InFlight).
     */
    record InFlight(CompletionStage<RdOutcome> settled, int attempts) implements RdOutcome {
    }
}
