package dev.ponte.mapping.files;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponte.mapping.Credentials;
import dev.ponte.mapping.MalformedPayload;
import dev.ponte.mapping.MappingResult;
import dev.ponte.mapping.VendorJson;
import dev.ponte.mapping.VendorMapper;
import dev.ponte.mapping.Verification;
import dev.ponte.mapping.Webhook;
import dev.ponte.rd.events.RdEvent;
import dev.ponte.rd.events.RdJson;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A vendor Ponte knows from a mapping file, behind the same contract as the Java mappers: the
 * file's preset verifies, its expressions map. Expressions see the parsed body as their input and
 * {@code $headers} (names lower-cased), {@code $query} and {@code $settings} as variables.
 */
public final class FileMapper implements VendorMapper {

    private final MappingFile file;
    private final Function<String, String> settings;
    private final Clock clock;

    /** {@code settings}: the value of {@code ponte.vendors.<vendor>.<name>}, or null. */
    public FileMapper(MappingFile file, Function<String, String> settings, Clock clock) {
        this.file = file;
        this.settings = settings;
        this.clock = clock;
    }

    public MappingFile file() {
        return file;
    }

    @Override
    public String vendor() {
        return file.vendor();
    }

    @Override
    public List<String> requiredSettings() {
        return file.settings();
    }

    @Override
    public Credentials credentials() {
        return file.proof().credentials();
    }

    @Override
    public Verification verify(Webhook webhook) {
        return file.proof().check(webhook, settings.apply("secret"), clock);
    }

    @Override
    public MappingResult map(Webhook webhook) {
        Object body = RdJson.mapper().convertValue(VendorJson.tree(webhook.body()), Object.class);
        Map<String, Object> variables = variables(webhook);
        Object topicValue = evaluate(file.topic(), body, variables, "topic");
        if (topicValue == null) {
            throw new MalformedPayload("This " + file.vendor() + " webhook has no topic where " + file.file()
                    + " looks for it (" + file.topic() + ").");
        }
        String topic = String.valueOf(topicValue);
        MappingFile.Topic rule = file.topics().get(topic);
        if (rule == null) {
            return new MappingResult.Ignored(topic, file.file() + " maps " + String.join(", ", file.topics().keySet()) + ".");
        }
        List<RdEvent> events = new ArrayList<>();
        for (MappingFile.Event event : rule.events()) {
            if (event.when() == null || Jsonata.boolize(evaluate(event.when(), body, variables, "when"))) {
                events.add(event(event, body, variables));
            }
        }
        if (events.isEmpty()) {
            return new MappingResult.Ignored(topic, "No event of " + topic + " in " + file.file() + " applies to this webhook.");
        }
        Expression id = rule.deliveryId() != null ? rule.deliveryId() : file.deliveryId();
        Object deliveryId = id == null ? null : evaluate(id, body, variables, "delivery-id");
        return new MappingResult.Mapped(topic, deliveryId == null ? null : String.valueOf(deliveryId), events);
    }

    private static RdEvent event(MappingFile.Event event, Object body, Map<String, Object> variables) {
        ObjectNode payload = RdJson.mapper().createObjectNode();
        event.fields().forEach((name, expression) -> {
            Object value = evaluate(expression, body, variables, name);
            if (value != null) {
                payload.set(name, RdJson.mapper().valueToTree(value));
            }
        });
        ObjectNode node = RdJson.mapper().createObjectNode().put("event_type", event.type().name())
                .put("event_family", RdEvent.FAMILY);
        node.set("payload", payload);
        try {
            return RdJson.event(node);
        } catch (RuntimeException e) {
            // A value of the wrong kind for its field (a list where RD takes a string...): named by its
            // fields, never echoing the webhook's contents back.
            throw new MalformedPayload("The " + event.type() + " this webhook maps to has a value of the wrong kind"
                    + " among its fields " + String.join(", ", (Iterable<String>) payload::fieldNames) + ".");
        }
    }

    private static Object evaluate(Expression expression, Object body, Map<String, Object> variables, String field) {
        try {
            return expression.evaluate(body, variables);
        } catch (JException e) {
            throw new MalformedPayload("The mapping's " + field + " (" + expression + ") failed on this webhook: "
                    + e.getMessage());
        }
    }

    private Map<String, Object> variables(Webhook webhook) {
        Map<String, Object> headers = new LinkedHashMap<>();
        webhook.headers().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        Map<String, Object> query = new LinkedHashMap<>();
        webhook.queryParameters().forEach((name, values) -> query.put(name, values.isEmpty() ? null : values.get(0)));
        Map<String, Object> known = new LinkedHashMap<>();
        for (String name : file.settings()) {
            if (!name.equals("secret")) {
                known.put(name, settings.apply(name));
            }
        }
        return Map.of("headers", headers, "query", query, "settings", known);
    }
}
