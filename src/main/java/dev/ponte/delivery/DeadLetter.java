package dev.ponte.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponte.mapping.Credentials;
import dev.ponte.rd.events.RdJson;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
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

        /**
         * The request as it may be kept: every credential {@code proof} names (and any
         * {@code Authorization} or cookie) left out of the headers and the query, and a token inside
         * a JSON body replaced by {@code "***"}. What mapping needs stays as it came.
         */
        public static StoredRequest of(String path, String query, Map<String, String> headers, byte[] body,
                Credentials proof) {
            Map<String, String> kept = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.forEach((name, value) -> {
                if (!proof.isCredentialHeader(name)) {
                    kept.put(name, value);
                }
            });
            byte[] stored = proof.bodyFields().isEmpty() ? body : masked(body, proof.bodyFields());
            return new StoredRequest(path, withoutParameters(query, proof.queryParameters()), Map.copyOf(kept),
                    stored == null ? null : Base64.getEncoder().encodeToString(stored));
        }

        private static String withoutParameters(String query, Set<String> names) {
            if (query == null || names.isEmpty()) {
                return query;
            }
            String kept = Arrays.stream(query.split("&"))
                    .filter(pair -> !names.contains(URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8)))
                    .collect(Collectors.joining("&"));
            return kept.isEmpty() ? null : kept;
        }

        /** The body with the named top-level fields masked; a body that is not a JSON object is kept whole. */
        private static byte[] masked(byte[] body, Set<String> fields) {
            try {
                JsonNode tree = body == null ? null : RdJson.parse(body);
                if (tree instanceof ObjectNode object) {
                    fields.stream().filter(object::has).forEach(field -> object.put(field, "***"));
                    return RdJson.bytes(object);
                }
            } catch (IOException notJson) {
                // nothing to mask in what is not JSON
            }
            return body;
        }

        public byte[] body() {
            return bodyBase64 == null ? new byte[0] : Base64.getDecoder().decode(bodyBase64);
        }
    }
}
