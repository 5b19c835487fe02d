package dev.ponte.delivery;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A delivery that could not be delivered yet, kept with everything needed to try again: the
 * delivery as mapped (only the events still owed), its original request (to map it again), why,
 * how often it was tried, and when it is tried next. {@code nextAttemptAt} null: it waits for the
 * operator, or for {@code waitingFor} (a phone number whose email is not known yet).
 */
@RegisterForReflection
@RecordBuilder
public record DeadLetter(String id, Cause cause, String reason, int attempts, String parkedAt, String lastAttemptAt,
        String nextAttemptAt, String waitingFor, StoredDelivery delivery) implements DeadLetterBuilder.With {

    /** What an operator sees: waiting for its next attempt, held for them, or given up. */
    public String status() {
        if (nextAttemptAt != null) {
            return "waiting";
        }
        return cause.retriedAutomatically() ? "gave_up" : "held";
    }

    /** The request as it arrived, minus credentials: enough to map it again. */
    @RegisterForReflection
    public record StoredRequest(String path, String query, Map<String, String> headers, String bodyBase64) {

        /** Headers that prove who the caller is, never stored: a dead letter must not leak them. */
        private static final Set<String> CREDENTIALS = Set.of("authorization", "cookie", "proxy-authorization",
                "x-api-key");

        public static StoredRequest of(String path, String query, Map<String, String> headers, byte[] body) {
            Map<String, String> kept = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.forEach((name, value) -> {
                if (!CREDENTIALS.contains(name.toLowerCase(Locale.ROOT))) {
                    kept.put(name, value);
                }
            });
            return new StoredRequest(path, query, Map.copyOf(kept),
                    body == null ? null : Base64.getEncoder().encodeToString(body));
        }

        public byte[] body() {
            return bodyBase64 == null ? new byte[0] : Base64.getDecoder().decode(bodyBase64);
        }
    }
}
