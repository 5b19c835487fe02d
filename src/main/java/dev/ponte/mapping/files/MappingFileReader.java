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
    private static final Pattern SETTING = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Set<String> FILE_KEYS = Set.of("vendor", "settings", "verify", "topic", "delivery-id", "topics");
    private static final Set<String> TOPIC_KEYS = Set.of("delivery-id", "require", "ignore", "contact", "reply", "events");
    private static final Set<String> EVENT_KEYS = Set.of("type", "funnel", "when", "delivery-id", "fields", "custom-fields");
    private static final Map<String, EventType> FUNNEL = Map.of("opportunity", EventType.OPPORTUNITY,
            "sale", EventType.SALE, "lost", EventType.OPPORTUNITY_LOST);
    private static final Map<String, Set<String>> PRESETS = Map.of(
            "hmac", Set.of("preset", "header", "algorithm", "encoding", "prefix", "part", "signed", "timestamp-header",
                    "timestamp-part", "tolerance"),
            "query-hmac", Set.of("preset", "parameter", "algorithm", "encoding"),
            "header-token", Set.of("preset", "header"),
            "query-token", Set.of("preset", "parameter"));

    private MappingFileReader() {
    }

    /** A user's file: everything checked, every expression parsed. */
    public static MappingFile read(String file, String text) {
        return read(file, text, false);
    }

    /**
     * A file checked before: shipped with Ponte (the build read every one, {@code ShippedMappingsTest})
     * or a user's file with the same bytes as an earlier start of this build checked
     * ({@link CheckedStamp}). Checked in full like any other, except that its expressions are parsed
     * when first evaluated.
     */
    static MappingFile readCheckedBefore(String file, String text) {
        return read(file, text, true);
    }

    private static MappingFile read(String file, String text, boolean shipped) {
        Yaml yaml = new Yaml(file, shipped);
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
        Map<String, MappingFile.Setting> settings = settings(yaml, top.get("settings"));
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
        return new MappingFile(vendor, file, settings, proof, topic, deliveryId, topics);
    }

    /** Every vendor's shared settings, then the file's own: {@code name: required | optional | {default: value}}. */
    private static Map<String, MappingFile.Setting> settings(Yaml yaml, Node node) {
        Map<String, MappingFile.Setting> settings = new LinkedHashMap<>(new java.util.TreeMap<>(MappingFile.SHARED));
        if (node == null) {
            return settings;
        }
        for (Map.Entry<String, Node> entry : yaml.mapping(node, "settings", null).entrySet()) {
            String name = entry.getKey();
            String at = "settings." + name;
            if (!SETTING.matcher(name).matches()) {
                throw yaml.error(entry.getValue(), at, "a setting is named in lower-case kebab-case (api-key,"
                        + " conversion-identifier), not " + name);
            }
            if (MappingFile.SHARED.containsKey(name)) {
                throw yaml.error(entry.getValue(), at, "every vendor has " + name + " already; the shared settings are "
                        + String.join(", ", new java.util.TreeSet<>(MappingFile.SHARED.keySet())));
            }
            Node value = entry.getValue();
            if (value instanceof org.yaml.snakeyaml.nodes.MappingNode) {
                Map<String, Node> keys = yaml.mapping(value, at, Set.of("default"));
                settings.put(name, MappingFile.Setting.defaultsTo(yaml.scalar(keys.get("default"), at + ".default")));
            } else {
                String kind = yaml.scalar(value, at);
                settings.put(name, switch (kind) {
                    case "required" -> MappingFile.Setting.REQUIRED;
                    case "optional" -> MappingFile.Setting.OPTIONAL;
                    default -> throw yaml.error(value, at, "required, optional or {default: <value>}, not " + kind);
                });
            }
        }
        return settings;
    }

    private static MappingFile.Topic topic(Yaml yaml, Node node, String field) {
        Map<String, Node> keys = yaml.mapping(node, field, TOPIC_KEYS);
        if (keys.containsKey("events") == keys.containsKey("reply")) {
            throw yaml.error(node, field + ".events", keys.containsKey("events")
                    ? "a topic has events or a reply, not both"
                    : "is required: the RD events this topic becomes (or a reply, for a challenge or a ping)");
        }
        List<Expression> require = new ArrayList<>();
        if (keys.containsKey("require")) {
            List<Node> paths = yaml.sequence(keys.get("require"), field + ".require");
            for (int i = 0; i < paths.size(); i++) {
                require.add(yaml.expression(paths.get(i), field + ".require[" + i + "]"));
            }
        }
        List<MappingFile.Ignore> ignore = new ArrayList<>();
        if (keys.containsKey("ignore")) {
            List<Node> rules = yaml.sequence(keys.get("ignore"), field + ".ignore");
            for (int i = 0; i < rules.size(); i++) {
                String at = field + ".ignore[" + i + "]";
                Map<String, Node> rule = yaml.mapping(rules.get(i), at, Set.of("when", "because"));
                for (String key : List.of("when", "because")) {
                    if (!rule.containsKey(key)) {
                        throw yaml.error(rules.get(i), at + "." + key, "is required");
                    }
                }
                ignore.add(new MappingFile.Ignore(yaml.expression(rule.get("when"), at + ".when"),
                        yaml.scalar(rule.get("because"), at + ".because")));
            }
        }
        MappingFile.Contact contact = keys.containsKey("contact") ? contact(yaml, keys.get("contact"), field + ".contact")
                : null;
        Expression deliveryId = keys.containsKey("delivery-id") ? yaml.expression(keys.get("delivery-id"),
                field + ".delivery-id") : null;
        if (keys.containsKey("reply")) {
            return new MappingFile.Topic(deliveryId, List.copyOf(require), List.copyOf(ignore), contact,
                    reply(yaml, keys.get("reply"), field + ".reply"), List.of());
        }
        List<MappingFile.Event> events = new ArrayList<>();
        List<Node> list = yaml.sequence(keys.get("events"), field + ".events");
        for (int i = 0; i < list.size(); i++) {
            events.add(event(yaml, list.get(i), field + ".events[" + i + "]", contact != null));
        }
        if (events.isEmpty()) {
            throw yaml.error(keys.get("events"), field + ".events", "names no event; a topic that sends nothing is"
                    + " left out of the file, and is acknowledged as ignored");
        }
        return new MappingFile.Topic(deliveryId, List.copyOf(require), List.copyOf(ignore), contact, null,
                List.copyOf(events));
    }

    private static MappingFile.Contact contact(Yaml yaml, Node node, String field) {
        Map<String, Node> keys = yaml.mapping(node, field, Set.of("email", "phone", "otherwise"));
        if (!keys.containsKey("email") && !keys.containsKey("phone")) {
            throw yaml.error(node, field + ".email", "is required: where the contact's email is (or phone, or both)");
        }
        return new MappingFile.Contact(
                keys.containsKey("email") ? yaml.expression(keys.get("email"), field + ".email") : null,
                keys.containsKey("phone") ? yaml.expression(keys.get("phone"), field + ".phone") : null,
                keys.containsKey("otherwise") ? yaml.scalar(keys.get("otherwise"), field + ".otherwise")
                        : "The webhook carries no email, so RD has no contact for it.");
    }

    private static MappingFile.Reply reply(Yaml yaml, Node node, String field) {
        Map<String, Node> keys = yaml.mapping(node, field, Set.of("status", "content-type", "body"));
        int status = 200;
        if (keys.containsKey("status")) {
            String text = yaml.scalar(keys.get("status"), field + ".status");
            if (!text.matches("[1-5]\\d\\d")) {
                throw yaml.error(keys.get("status"), field + ".status", "an HTTP status such as 200, not " + text);
            }
            status = Integer.parseInt(text);
        }
        String contentType = keys.containsKey("content-type") ? yaml.scalar(keys.get("content-type"),
                field + ".content-type") : "application/json";
        Expression body = keys.containsKey("body") ? yaml.expression(keys.get("body"), field + ".body") : null;
        return new MappingFile.Reply(status, contentType, body);
    }

    private static MappingFile.Event event(Yaml yaml, Node node, String field, boolean contactGiven) {
        Map<String, Node> keys = yaml.mapping(node, field, EVENT_KEYS);
        if (keys.containsKey("type") == keys.containsKey("funnel")) {
            throw yaml.error(node, field + ".type", keys.containsKey("type") ? "an event has a type or a funnel stage, not both"
                    : "is required: one of RD's event types (or funnel: opportunity, sale or lost)");
        }
        EventType type;
        String funnel = null;
        if (keys.containsKey("type")) {
            String name = yaml.scalar(keys.get("type"), field + ".type");
            type = EventType.named(name).orElseThrow(() -> yaml.error(keys.get("type"), field + ".type",
                    "RD has no event type " + name + "; the types are " + String.join(", ", EventType.names())));
        } else {
            funnel = yaml.scalar(keys.get("funnel"), field + ".funnel");
            type = FUNNEL.get(funnel);
            if (type == null) {
                throw yaml.error(keys.get("funnel"), field + ".funnel", "the funnel's stages are opportunity, sale and"
                        + " lost, not " + funnel);
            }
        }
        Map<String, Expression> fields = new LinkedHashMap<>();
        Node fieldsNode = keys.get("fields");
        Map<String, Node> given = fieldsNode == null ? Map.of() : yaml.mapping(fieldsNode, field + ".fields", null);
        for (Map.Entry<String, Node> entry : given.entrySet()) {
            String at = field + ".fields." + entry.getKey();
            if (!EventSchemas.accepts(type, entry.getKey())) {
                throw yaml.error(entry.getValue(), at, type + " has no field " + entry.getKey()
                        + (type == EventType.CONVERSION ? "; custom fields are named cf_<api identifier>" : ""));
            }
            if (funnel != null && entry.getKey().equals("funnel_name")) {
                throw yaml.error(entry.getValue(), at, "a funnel stage's funnel is the vendor's funnel setting");
            }
            fields.put(entry.getKey(), yaml.expression(entry.getValue(), at));
        }
        for (String required : EventSchemas.requiredFieldNames(type)) {
            boolean implied = (funnel != null && required.equals("funnel_name"))
                    || (contactGiven && required.equals("email"));
            if (!fields.containsKey(required) && !implied) {
                throw yaml.error(fieldsNode == null ? node : fieldsNode, field + ".fields." + required,
                        type + " requires " + required + ", and no expression gives it");
            }
        }
        Expression customFields = null;
        if (keys.containsKey("custom-fields")) {
            if (type != EventType.CONVERSION) {
                throw yaml.error(keys.get("custom-fields"), field + ".custom-fields", "only a CONVERSION has custom fields");
            }
            customFields = yaml.expression(keys.get("custom-fields"), field + ".custom-fields");
        }
        Expression when = keys.containsKey("when") ? yaml.expression(keys.get("when"), field + ".when") : null;
        Expression deliveryId = keys.containsKey("delivery-id") ? yaml.expression(keys.get("delivery-id"),
                field + ".delivery-id") : null;
        return new MappingFile.Event(type, funnel, when, deliveryId, java.util.Collections.unmodifiableMap(fields),
                customFields);
    }

    /** A plain path ({@code data.buyer.email}) as the JSON path an error names, else null. */
    static String jsonPath(Expression expression) {
        return PATH.matcher(expression.source()).matches() ? "$." + expression.source() : null;
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
