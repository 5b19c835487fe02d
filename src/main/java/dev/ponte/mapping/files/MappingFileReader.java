package dev.ponte.mapping.files;

import dev.ponte.mapping.Signatures;
import dev.ponte.rd.events.EventType;
import dev.ponte.rd.validation.EventSchemas;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a mapping file and checks it before anything runs: its keys, its verification preset,
 * every expression's syntax, and every event it can produce against RD's event model (a known
 * type, known fields, every required field given). Each mistake names the file, the line and the
 * field.
 */
public final class MappingFileReader {

    private static final Pattern VENDOR = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Set<String> FILE_KEYS = Set.of("vendor", "settings", "verify", "topic", "delivery-id", "topics");
    private static final Set<String> TOPIC_KEYS = Set.of("delivery-id", "events");
    private static final Set<String> EVENT_KEYS = Set.of("type", "when", "fields");
    private static final Map<String, Set<String>> PRESETS = Map.of(
            "hmac", Set.of("preset", "header", "algorithm", "encoding", "prefix", "part", "signed", "timestamp-header",
                    "timestamp-part", "tolerance"),
            "query-hmac", Set.of("preset", "parameter", "algorithm", "encoding"),
            "header-token", Set.of("preset", "header"),
            "query-token", Set.of("preset", "parameter"));

    private MappingFileReader() {
    }

    public static MappingFile read(String file, String text) {
        Yaml yaml = new Yaml(file);
        Node root = yaml.root(text);
        Map<String, Node> top = yaml.mapping(root, "", FILE_KEYS);
        for (String required : List.of("vendor", "verify", "topic", "topics")) {
            if (!top.containsKey(required)) {
                throw yaml.error(root, required, "is required");
            }
        }
        String vendor = yaml.scalar(top.get("vendor"), "vendor");
        if (!VENDOR.matcher(vendor).matches()) {
            throw yaml.error(top.get("vendor"), "vendor", "must be lower-case letters, digits and dashes (the URL's"
                    + " /webhooks/<vendor>), not " + vendor);
        }
        List<String> settings = new ArrayList<>();
        if (top.containsKey("settings")) {
            for (Node setting : yaml.sequence(top.get("settings"), "settings")) {
                String name = yaml.scalar(setting, "settings");
                if (!name.matches("[a-z][a-z0-9-]{0,39}")) {
                    throw yaml.error(setting, "settings", "a setting is named in lower-case kebab-case (secret,"
                            + " api-key), not " + name);
                }
                settings.add(name);
            }
        }
        if (!settings.contains("secret")) {
            settings.add(0, "secret");
        }
        Proof proof = proof(yaml, top.get("verify"));
        Expression topic = yaml.expression(top.get("topic"), "topic");
        Expression deliveryId = top.containsKey("delivery-id") ? yaml.expression(top.get("delivery-id"), "delivery-id")
                : null;
        Map<String, MappingFile.Topic> topics = new LinkedHashMap<>();
        for (Map.Entry<String, Node> entry : yaml.mapping(top.get("topics"), "topics", null).entrySet()) {
            topics.put(entry.getKey(), topic(yaml, entry.getValue(), "topics." + entry.getKey()));
        }
        if (topics.isEmpty()) {
            throw yaml.error(top.get("topics"), "topics", "names no topic");
        }
        return new MappingFile(vendor, file, List.copyOf(settings), proof, topic, deliveryId, topics);
    }

    private static MappingFile.Topic topic(Yaml yaml, Node node, String field) {
        Map<String, Node> keys = yaml.mapping(node, field, TOPIC_KEYS);
        if (!keys.containsKey("events")) {
            throw yaml.error(node, field + ".events", "is required: the RD events this topic becomes");
        }
        List<MappingFile.Event> events = new ArrayList<>();
        List<Node> list = yaml.sequence(keys.get("events"), field + ".events");
        for (int i = 0; i < list.size(); i++) {
            events.add(event(yaml, list.get(i), field + ".events[" + i + "]"));
        }
        Expression deliveryId = keys.containsKey("delivery-id") ? yaml.expression(keys.get("delivery-id"),
                field + ".delivery-id") : null;
        return new MappingFile.Topic(deliveryId, List.copyOf(events));
    }

    private static MappingFile.Event event(Yaml yaml, Node node, String field) {
        Map<String, Node> keys = yaml.mapping(node, field, EVENT_KEYS);
        if (!keys.containsKey("type")) {
            throw yaml.error(node, field + ".type", "is required: one of RD's event types");
        }
        String name = yaml.scalar(keys.get("type"), field + ".type");
        EventType type = EventType.named(name).orElseThrow(() -> yaml.error(keys.get("type"), field + ".type",
                "RD has no event type " + name + "; the types are " + String.join(", ", EventType.names())));
        Map<String, Expression> fields = new LinkedHashMap<>();
        Node fieldsNode = keys.get("fields");
        Map<String, Node> given = fieldsNode == null ? Map.of() : yaml.mapping(fieldsNode, field + ".fields", null);
        for (Map.Entry<String, Node> entry : given.entrySet()) {
            String at = field + ".fields." + entry.getKey();
            if (!EventSchemas.accepts(type, entry.getKey())) {
                throw yaml.error(entry.getValue(), at, type + " has no field " + entry.getKey()
                        + (type == EventType.CONVERSION ? "; custom fields are named cf_<api identifier>" : ""));
            }
            fields.put(entry.getKey(), yaml.expression(entry.getValue(), at));
        }
        for (String required : EventSchemas.requiredFieldNames(type)) {
            if (!fields.containsKey(required)) {
                throw yaml.error(fieldsNode == null ? node : fieldsNode, field + ".fields." + required,
                        type + " requires " + required + ", and no expression gives it");
            }
        }
        Expression when = keys.containsKey("when") ? yaml.expression(keys.get("when"), field + ".when") : null;
        return new MappingFile.Event(type, when, Map.copyOf(fields));
    }

    private static Proof proof(Yaml yaml, Node node) {
        Map<String, Node> loose = yaml.mapping(node, "verify", null);
        if (!loose.containsKey("preset")) {
            throw yaml.error(node, "verify.preset", "is required: one of " + String.join(", ", PRESETS.keySet().stream()
                    .sorted().toList()));
        }
        String preset = yaml.scalar(loose.get("preset"), "verify.preset");
        Set<String> allowed = PRESETS.get(preset);
        if (allowed == null) {
            throw yaml.error(loose.get("preset"), "verify.preset", "no preset " + preset + "; the presets are "
                    + String.join(", ", PRESETS.keySet().stream().sorted().toList()));
        }
        Map<String, Node> keys = yaml.mapping(node, "verify", allowed);
        return switch (preset) {
            case "hmac" -> {
                String signed = text(yaml, keys, "signed", "{body}");
                if (!signed.contains("{body}")) {
                    throw yaml.error(keys.get("signed"), "verify.signed", "must contain {body}");
                }
                String timestampHeader = text(yaml, keys, "timestamp-header", null);
                String timestampPart = text(yaml, keys, "timestamp-part", null);
                if (signed.contains("{timestamp}") == (timestampHeader == null && timestampPart == null)) {
                    throw yaml.error(node, "verify.signed", signed.contains("{timestamp}")
                            ? "signs {timestamp}: say where it is, with timestamp-header or timestamp-part"
                            : "a timestamp-header or timestamp-part is given, but signed has no {timestamp}");
                }
                yield new Proof.Hmac(required(yaml, keys, node, "header"), algorithm(yaml, keys, node),
                        base64(yaml, keys), text(yaml, keys, "prefix", ""), text(yaml, keys, "part", null), signed,
                        timestampHeader, timestampPart, duration(yaml, keys, "tolerance", Duration.ofMinutes(5)));
            }
            case "query-hmac" -> new Proof.QueryHmac(required(yaml, keys, node, "parameter"), algorithm(yaml, keys, node),
                    base64(yaml, keys));
            case "header-token" -> new Proof.Token(true, required(yaml, keys, node, "header"));
            default -> new Proof.Token(false, required(yaml, keys, node, "parameter"));
        };
    }

    private static Signatures.Algorithm algorithm(Yaml yaml, Map<String, Node> keys, Node node) {
        String name = required(yaml, keys, node, "algorithm").toLowerCase(Locale.ROOT);
        return switch (name) {
            case "sha1" -> Signatures.Algorithm.SHA1;
            case "sha256" -> Signatures.Algorithm.SHA256;
            default -> throw yaml.error(keys.get("algorithm"), "verify.algorithm", "sha1 or sha256, not " + name);
        };
    }

    private static boolean base64(Yaml yaml, Map<String, Node> keys) {
        String encoding = text(yaml, keys, "encoding", "hex");
        if (!encoding.equals("hex") && !encoding.equals("base64")) {
            throw yaml.error(keys.get("encoding"), "verify.encoding", "hex or base64, not " + encoding);
        }
        return encoding.equals("base64");
    }

    private static Duration duration(Yaml yaml, Map<String, Node> keys, String key, Duration otherwise) {
        String text = text(yaml, keys, key, null);
        if (text == null) {
            return otherwise;
        }
        try {
            return Duration.parse("PT" + text.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw yaml.error(keys.get(key), "verify." + key, "a duration such as 5m or 300s, not " + text);
        }
    }

    private static String required(Yaml yaml, Map<String, Node> keys, Node node, String key) {
        String value = text(yaml, keys, key, null);
        if (value == null || value.isBlank()) {
            throw yaml.error(node, "verify." + key, "is required by this preset");
        }
        return value;
    }

    private static String text(Yaml yaml, Map<String, Node> keys, String key, String otherwise) {
        return keys.containsKey(key) ? yaml.scalar(keys.get(key), "verify." + key) : otherwise;
    }
}
