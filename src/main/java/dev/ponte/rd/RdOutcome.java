package dev.ponte.rd;

import com.fasterxml.jackson.databind.JsonNode;

/** What became of one request to RD, after retries. */
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

    /** RD did not answer usefully within the budget: down, slow, rate limiting, or circuit open. */
    record Unavailable(String reason, int attempts) implements RdOutcome {
    }
}
