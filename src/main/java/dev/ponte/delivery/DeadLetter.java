package dev.ponte.delivery;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Events that could not be delivered, parked with everything needed to try again: the events
 * as mapped, the original request (to map it again after a fix), why it failed and how often.
 */
@RegisterForReflection
public record DeadLetter(
        String id,
        String source,
        String deliveryId,
        String reason,
        int attempts,
        String parkedAt,
        String lastAttemptAt,
        List<JsonNode> events,
        StoredRequest request) {

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

    public DeadLetter failedAgain(String newReason, int moreAttempts, String at) {
        return new DeadLetter(id, source, deliveryId, newReason, attempts + moreAttempts, parkedAt, at, events, request);
    }
}
