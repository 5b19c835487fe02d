package dev.ponte.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponte.mapping.MalformedPayload;
import dev.ponte.mapping.MapperRegistry;
import dev.ponte.mapping.MappingResult;
import dev.ponte.mapping.VendorApiUnavailable;
import dev.ponte.mapping.VendorMapper;
import dev.ponte.mapping.Verification;
import dev.ponte.mapping.Webhook;
import dev.ponte.rd.RdError;
import dev.ponte.rd.RdErrors;
import dev.ponte.rd.events.RdEvent;
import dev.ponte.rd.events.RdJson;
import dev.ponte.rd.validation.EventValidator;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /admin/mappings}: the vendors Ponte knows and where each is defined, and
 * {@code POST /admin/mappings/{vendor}/try}: a sample delivery ({@code body}, {@code headers},
 * {@code query}) through the vendor's verification and mapping, answered with whether it
 * verifies, its topic, its delivery ids, the RD events it would send and what RD would say of
 * them. Nothing is delivered, deduplicated or parked.
 */
@Path("/admin/mappings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operators")
@SecurityRequirement(name = "apiToken")
public class MappingTrialResource {

    @Inject
    MapperRegistry mappers;

    @Inject
    WebhookMapping mapping;

    @GET
    @Operation(summary = "The vendors Ponte receives, where each is defined, and the settings each still lacks")
    public ArrayNode list() {
        ArrayNode list = RdJson.mapper().createArrayNode();
        for (String vendor : mappers.vendors()) {
            VendorMapper mapper = mappers.find(vendor).orElseThrow();
            ObjectNode row = list.addObject().put("vendor", vendor).put("defined_in", definedIn(mapper));
            ArrayNode missing = row.putArray("missing_settings");
            mappers.missingSettings(vendor).forEach(missing::add);
        }
        return list;
    }

    @POST
    @Path("/{vendor}/try")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Try a sample delivery: whether it verifies, its topic, delivery id and RD events; nothing is sent")
    public ObjectNode tryIt(@PathParam("vendor") String vendor, @Context UriInfo uri, JsonNode sample) {
        VendorMapper mapper = mappers.find(vendor).orElseThrow(() -> EdgeRefusal.of(404, "RESOURCE_NOT_FOUND",
                "Ponte has no mapper for '" + vendor + "'. Known vendors: " + String.join(", ", mappers.vendors()) + "."));
        if (sample == null || !sample.isObject() || !sample.has("body")) {
            throw new EdgeRefusal(400, RdErrors.of(RdError.of("INVALID_FORMAT", "A sample delivery is an object with"
                    + " body (the webhook's JSON, or its exact text as a string), and optionally headers and query.",
                    "$.body")));
        }
        Webhook webhook = webhook(vendor, uri, sample);
        ObjectNode answer = RdJson.mapper().createObjectNode().put("vendor", vendor).put("defined_in", definedIn(mapper));
        mappers.reloadProblem().ifPresent(problem -> answer.put("mapping_files_problem", problem));
        ArrayNode missing = answer.putArray("missing_settings");
        mappers.missingSettings(vendor).forEach(missing::add);
        Verification verification;
        try {
            verification = mapper.verify(webhook);
        } catch (MalformedPayload e) {
            verification = Verification.refused(e.getMessage());
        }
        answer.put("verified", verification.genuine());
        if (!verification.genuine()) {
            answer.put("verification_problem", verification.problem());
        }
        MappingResult result;
        try {
            result = mapper.map(webhook);
        } catch (MalformedPayload e) {
            answer.put("outcome", "malformed");
            answer.set("errors", RdJson.mapper().valueToTree(List.of(RdError.of("INVALID_FORMAT", e.getMessage(), e.path()))));
            return answer;
        } catch (VendorApiUnavailable e) {
            answer.put("outcome", "vendor_api_unavailable").put("why", e.getMessage());
            return answer;
        }
        describe(result, answer);
        return answer;
    }

    private static void describe(MappingResult result, ObjectNode answer) {
        if (result instanceof MappingResult.Mapped mapped) {
            answer.put("outcome", "mapped").put("topic", mapped.topic());
            deliveries(List.of(mapped), answer);
        } else if (result instanceof MappingResult.Several several) {
            answer.put("outcome", "mapped").put("topic", several.topic());
            deliveries(several.deliveries(), answer);
        } else if (result instanceof MappingResult.Ignored ignored) {
            answer.put("outcome", "ignored").put("topic", ignored.topic()).put("why", ignored.why());
        } else if (result instanceof MappingResult.Unresolved unresolved) {
            answer.put("outcome", "waiting_for_contact").put("topic", unresolved.topic())
                    .put("delivery_id", unresolved.deliveryId()).put("why", unresolved.reason());
        } else if (result instanceof MappingResult.Reply reply) {
            answer.put("outcome", "reply").put("topic", reply.topic());
            answer.putObject("reply").put("status", reply.status()).put("content_type", reply.contentType())
                    .put("body", reply.body());
        }
    }

    private static void deliveries(List<MappingResult.Mapped> parts, ObjectNode answer) {
        ArrayNode deliveries = answer.putArray("deliveries");
        for (MappingResult.Mapped part : parts) {
            ObjectNode delivery = deliveries.addObject().put("delivery_id", part.deliveryId());
            delivery.set("events", RdJson.tree(part.events()));
            List<RdError> errors = new ArrayList<>();
            for (int i = 0; i < part.events().size(); i++) {
                RdEvent event = part.events().get(i);
                for (RdError error : EventValidator.validate(RdJson.tree(event), "$.events[" + i + "]")) {
                    errors.add(error);
                }
            }
            delivery.set("errors", RdJson.mapper().valueToTree(errors));
            if (!part.deferred().isEmpty()) {
                ArrayNode deferred = delivery.putArray("deferred");
                part.deferred().forEach(d -> deferred.add(d.name()));
            }
        }
    }

    private Webhook webhook(String vendor, UriInfo uri, JsonNode sample) {
        JsonNode body = sample.get("body");
        byte[] bytes = (body.isTextual() ? body.asText() : body.toString()).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        sample.path("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
        Map<String, List<String>> query = new LinkedHashMap<>();
        StringBuilder raw = new StringBuilder();
        sample.path("query").properties().forEach(e -> {
            List<String> values = new ArrayList<>();
            (e.getValue().isArray() ? e.getValue() : RdJson.mapper().createArrayNode().add(e.getValue()))
                    .forEach(v -> values.add(v.asText()));
            query.put(e.getKey(), values);
            for (String value : values) {
                raw.append(raw.isEmpty() ? "" : "&").append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        String path = "/webhooks/" + vendor;
        String query1 = raw.isEmpty() ? null : raw.toString();
        String requestUrl = uri.getBaseUri().resolve(path.substring(1)) + (query1 == null ? "" : "?" + query1);
        return mapping.webhook(vendor, path, query1, headers, query, bytes, requestUrl);
    }

    private static String definedIn(VendorMapper mapper) {
        return MapperRegistry.definedIn(mapper).orElse("java");
    }
}
