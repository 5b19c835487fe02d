package dev.ponte.mapping;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One delivery from a vendor, exactly as it arrived: the raw body bytes (signatures are
 * computed over them), headers looked up without regard to case, the query parameters, and the
 * full URL the vendor called (behind a gateway, from {@code PONTE_PUBLIC_URL}; some vendors sign it).
 */
public record Webhook(String vendor, String path, String query, Map<String, String> headers,
        Map<String, List<String>> queryParameters, byte[] body, Instant receivedAt, String calledUrl) {

    public Webhook {
        Map<String, String> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseless.putAll(headers);
        headers = java.util.Collections.unmodifiableMap(caseless);
        queryParameters = Map.copyOf(queryParameters);
        body = body == null ? new byte[0] : body;
    }

    public String header(String name) {
        return headers.get(name);
    }

    public String queryParameter(String name) {
        List<String> values = queryParameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
