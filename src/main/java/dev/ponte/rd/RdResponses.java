package dev.ponte.rd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.ponte.rd.events.RdJson;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads RD's answers defensively: RD's error bodies are not always the documented array. */
final class RdResponses {

    private RdResponses() {
    }

    static String text(Response response) {
        return new String(bytes(response), StandardCharsets.UTF_8);
    }

    /**
     * RD's answer as JSON, parsed from its bytes: Jackson's byte parser, and no string of the
     * whole answer made first (a batch's answer lists every event's uuid; parsing it was most of
     * what a webhook spent on RD's answer).
     */
    static JsonNode json(Response response) {
        byte[] bytes = bytes(response);
        try {
            JsonNode node = bytes.length == 0 ? null : RdJson.mapper().readTree(bytes);
            return node == null ? MissingNode.getInstance() : node; // a blank answer reads as no content
        } catch (Exception notJson) {
            return MissingNode.getInstance();
        }
    }

    private static byte[] bytes(Response response) {
        if (!response.hasEntity()) {
            return new byte[0];
        }
        byte[] bytes = response.readEntity(byte[].class);
        return bytes == null ? new byte[0] : bytes;
    }

    static JsonNode json(String text) {
        try {
            return text.isBlank() ? MissingNode.getInstance() : RdJson.mapper().readTree(text);
        } catch (Exception notJson) {
            return MissingNode.getInstance();
        }
    }

    /** RD's errors, whatever their shape: array, single object, or a body that is not JSON at all. */
    static RdErrors errors(int status, String text) {
        JsonNode errors = json(text).path("errors");
        List<RdError> list = new ArrayList<>();
        if (errors.isArray()) {
            errors.forEach(e -> list.add(error(e, status)));
        } else if (errors.isObject()) {
            list.add(error(errors, status));
        }
        if (list.isEmpty()) {
            String snippet = text.length() > 300 ? text.substring(0, 300) + "…" : text;
            list.add(RdError.of("RD_ERROR", "RD answered HTTP " + status + (snippet.isBlank() ? "" : ": " + snippet)));
        }
        return new RdErrors(list);
    }

    @SuppressWarnings("unchecked")
    private static RdError error(JsonNode node, int status) {
        if (!node.isObject()) {
            return RdError.of("RD_ERROR", "RD answered HTTP " + status + ": " + node.asText());
        }
        Map<String, Object> rules = node.has("validation_rules")
                ? RdJson.mapper().convertValue(node.get("validation_rules"), Map.class)
                : null;
        return new RdError(node.path("error_type").asText("RD_ERROR"),
                node.path("error_message").asText("RD answered HTTP " + status),
                node.hasNonNull("path") ? node.get("path").asText() : null, rules);
    }
}
