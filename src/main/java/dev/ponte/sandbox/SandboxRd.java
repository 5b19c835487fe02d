package dev.ponte.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponte.rd.RdError;
import dev.ponte.rd.RdErrors;
import dev.ponte.rd.events.RdJson;
import dev.ponte.rd.validation.EventValidator;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RD's behaviour, in process: issues tokens for any complete set of OAuth credentials, demands
 * them on every event, validates as RD does and answers in RD's shapes. What it accepts goes to
 * the {@link SandboxLedger}. It is HTTP-free so that its server and tests share one brain.
 */
@Singleton
public class SandboxRd {

    /** An HTTP answer: status and JSON body (a tree, or JSON text as it is). */
    public record Answer(int status, Object body) {
    }

    private static final int BATCH_LIMIT = 200_000;
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final SandboxLedger ledger;

    @Inject
    public SandboxRd(SandboxLedger ledger) {
        this.ledger = ledger;
    }

    public Answer token(byte[] body) {
        JsonNode request = parse(body);
        if (request == null) {
            return error(400, "BAD_REQUEST", "The body is not valid JSON.", null);
        }
        for (String field : List.of("client_id", "client_secret", "refresh_token")) {
            if (request.path(field).asText("").isBlank()) {
                return error(401, "ACCESS_DENIED", "Wrong credentials provided.", null);
            }
        }
        String token = "sandbox-" + UUID.randomUUID();
        issued.add(token);
        ObjectNode answer = RdJson.mapper().createObjectNode()
                .put("access_token", token)
                .put("expires_in", 86_400)
                .put("refresh_token", request.get("refresh_token").asText());
        return new Answer(200, answer);
    }

    /**
     * {@code eventType}: the URL's {@code ?event_type=}, which RD's pages show for the ECOMMERCE_*
     * family. When given it must name the body's type; RD has not said it is required, so its
     * absence is accepted.
     */
    public Answer event(String authorization, String eventType, byte[] body) {
        if (!authorised(authorization)) {
            return unauthorised();
        }
        JsonNode event = parse(body);
        if (eventType != null && event != null && !eventType.equals(event.path("event_type").asText(null))) {
            return error(400, "INVALID_FORMAT", "The URL's event_type (" + eventType
                    + ") is not the body's event_type.", "$.query.event_type");
        }
        return single("/platform/events", body);
    }

    public Answer conversion(String apiKey, byte[] body) {
        if (apiKey == null || apiKey.isBlank()) {
            return error(401, "UNAUTHORIZED", "Invalid API key.", null);
        }
        JsonNode event = parse(body);
        if (event != null && !"CONVERSION".equals(event.path("event_type").asText())) {
            return new Answer(400, RdErrors.of(RdError.invalidOption("$.body.event_type", List.of("CONVERSION"))));
        }
        return single("/platform/conversions", body);
    }

    public Answer batch(String authorization, byte[] body) {
        if (!authorised(authorization)) {
            return unauthorised();
        }
        if (body.length > BATCH_LIMIT) {
            return error(413, "REQUEST_ENTITY_TOO_LARGE", "The batch exceeds 0.2 MB.", null);
        }
        JsonNode events = parse(body);
        if (events == null || !events.isArray() || events.isEmpty()) {
            return error(400, "INVALID_FORMAT", "Must be a non-empty array of events.", "$.body");
        }
        List<RdError> errors = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            errors.addAll(EventValidator.validate(events.get(i), "$.body[" + i + "]"));
        }
        if (!errors.isEmpty()) {
            return new Answer(400, new RdErrors(errors));
        }
        ObjectNode answer = RdJson.mapper().createObjectNode().put("event_batch_uuid", UUID.randomUUID().toString());
        ArrayNode uuids = answer.putArray("events");
        events.forEach(e -> uuids.addObject().put("event_uuid", ledger.record("/platform/events/batch", e)));
        return new Answer(200, answer);
    }

    private Answer single(String endpoint, byte[] body) {
        JsonNode event = parse(body);
        if (event == null) {
            return error(400, "INVALID_FORMAT", "The body is not valid JSON.", "$.body");
        }
        List<RdError> errors = EventValidator.validate(event, "$.body");
        if (!errors.isEmpty()) {
            return new Answer(400, new RdErrors(errors));
        }
        return new Answer(200, RdJson.mapper().createObjectNode().put("event_uuid", ledger.record(endpoint, event)));
    }

    private boolean authorised(String authorization) {
        return authorization != null && authorization.startsWith("Bearer ")
                && issued.contains(authorization.substring(7).trim());
    }

    private static Answer unauthorised() {
        return error(401, "UNAUTHORIZED", "Invalid or expired access token.", null);
    }

    private static Answer error(int status, String type, String message, String path) {
        return new Answer(status, RdErrors.of(RdError.of(type, message, path)));
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body == null || body.length == 0 ? null : RdJson.parse(body);
        } catch (IOException e) {
            return null;
        }
    }
}
