package dev.ponte.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.mapping.JsonProblems;
import dev.ponte.rd.RdError;
import dev.ponte.rd.RdErrors;
import dev.ponte.rd.events.RdJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;

/** The checks every JSON request goes through before its content is looked at. */
@ApplicationScoped
public class RequestBodies {

    private final EdgeConfig config;

    @Inject
    public RequestBodies(EdgeConfig config) {
        this.config = config;
    }

    /** The body as JSON, or a refusal: 415 for another content type, 413 when too large, 400 when malformed. */
    public JsonNode json(String contentType, byte[] body) {
        if (!isJson(contentType)) {
            throw EdgeRefusal.of(415, "UNSUPPORTED_MEDIA_TYPE",
                    "Send Content-Type: application/json" + (contentType == null ? "." : ", not " + contentType + "."));
        }
        limit(body);
        if (body == null || body.length == 0) {
            throw EdgeRefusal.of(400, "INVALID_FORMAT", "The body is empty; send a JSON document.");
        }
        JsonNode node;
        try {
            node = RdJson.parse(body);
        } catch (JsonProcessingException e) {
            JsonProblems.Problem problem = JsonProblems.of(e, "$.body");
            throw new EdgeRefusal(400, RdErrors.of(RdError.of("INVALID_FORMAT", problem.message(), problem.path())));
        } catch (IOException e) {
            throw EdgeRefusal.of(400, "INVALID_FORMAT", "The body could not be read; send it again.");
        }
        if (node == null || node.isMissingNode()) {
            throw EdgeRefusal.of(400, "INVALID_FORMAT", "The body holds no JSON value; send a JSON document.");
        }
        return node;
    }

    /** Refuses bodies over {@code PONTE_MAX_BODY_SIZE} with 413. */
    public void limit(byte[] body) {
        long max = config.maxBodySize().asLongValue();
        if (body != null && body.length > max) {
            throw EdgeRefusal.of(413, "PAYLOAD_TOO_LARGE",
                    "The body has " + body.length + " bytes; the limit is " + max + " (PONTE_MAX_BODY_SIZE).");
        }
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }
}
