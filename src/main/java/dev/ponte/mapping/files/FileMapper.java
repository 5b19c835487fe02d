package dev.ponte.mapping.files;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import dev.ponte.mapping.ContactResolver;
import dev.ponte.mapping.Contacts;
import dev.ponte.mapping.Credentials;
import dev.ponte.mapping.LegalBases;
import dev.ponte.mapping.MalformedPayload;
import dev.ponte.mapping.MappingResult;
import dev.ponte.mapping.VendorJson;
import dev.ponte.mapping.VendorMapper;
import dev.ponte.mapping.Verification;
import dev.ponte.mapping.Webhook;
import dev.ponte.rd.EcommerceFamily;
import dev.ponte.rd.events.EventType;
import dev.ponte.rd.events.LegalBase;
import dev.ponte.rd.events.RdEvent;
import dev.ponte.rd.events.RdJson;
import dev.ponte.rd.validation.EventSchemas;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A vendor Ponte knows from a mapping file, behind the same contract as the Java mappers: the
 * file's preset verifies, its expressions map. Expressions see the parsed body as their input and
 * {@code $headers} (names lower-cased), {@code $query}, {@code $settings} (names in snake_case,
 * defaults applied, the secret left out), {@code $topic}, {@code $ecommerce} ({@code current} or
 * {@code legacy}) and, when the topic resolves a contact, {@code $contact} as variables.
 */
public final class FileMapper implements VendorMapper {

    /** What a file vendor shares with the rest of Ponte: the clock, the contacts learned, RD's e-commerce family. */
    public record Context(Clock clock, ContactResolver contacts, EcommerceFamily ecommerceEvents) {
    }

    private final MappingFile file;
    private final Function<String, String> configured;
    private final Context context;
    private final List<LegalBase> legalBases;
    private final VendorJson.Wanted wanted;
    private final String ecommerce;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, Object> settingsVariable = new LinkedHashMap<>();

    /**
     * {@code configured}: the value of {@code ponte.vendors.<vendor>.<name>}, or null. Settings
     * that cannot be right (legal bases RD would refuse, an e-commerce family that is not one) stop
     * start-up here, naming the variable.
     */
    public FileMapper(MappingFile file, Function<String, String> configured, Context context) {
        this.file = file;
        this.configured = configured;
        this.context = context;
        // Configuration does not change while Ponte runs: read once, not per webhook.
        file.settings().forEach((name, setting) -> {
            String value = configured.apply(name);
            values.put(name, value != null ? value : setting.otherwise());
            if (!name.equals("secret")) {
                settingsVariable.put(name.replace('-', '_'), values.get(name));
            }
        });
        this.legalBases = legalBases(file.vendor(), setting("legal-bases"));
        this.ecommerce = ecommerce(file.vendor(), setting("ecommerce-events"), context);
        this.wanted = wanted(file);
    }

    /** What the file's expressions can read of a body: all the rest is skipped as it is read. */
    static VendorJson.Wanted wanted(MappingFile file) {
        VendorJson.Wanted body = VendorJson.Wanted.nothing();
        List<Expression> all = new ArrayList<>();
        all.add(file.topic());
        all.add(file.deliveryId());
        for (MappingFile.Topic topic : file.topics().values()) {
            all.add(topic.deliveryId());
            if (topic.require() != null) {
                all.addAll(topic.require());
            }
            if (topic.ignore() != null) {
                topic.ignore().forEach(ignore -> all.add(ignore.when()));
            }
            if (topic.contact() != null) {
                all.add(topic.contact().email());
                all.add(topic.contact().phone());
            }
            if (topic.reply() != null) {
                all.add(topic.reply().body());
            }
            for (MappingFile.Event event : topic.events() == null ? List.<MappingFile.Event>of() : topic.events()) {
                all.add(event.when());
                all.add(event.deliveryId());
                if (event.fields() != null) {
                    all.addAll(event.fields().values());
                }
                all.add(event.customFields());
            }
        }
        for (Expression expression : all) {
            if (expression != null) {
                expression.want(body);
            }
        }
        return body;
    }

    /**
     * The settings every file vendor shares that can be wrong (legal bases RD would refuse, an
     * e-commerce family that is not one), checked as they are configured; throws naming the variable.
     */
    static void checkSharedSettings(String vendor, Function<String, String> configured, Context context) {
        legalBases(vendor, configured.apply("legal-bases"));
        ecommerce(vendor, configured.apply("ecommerce-events"), context);
    }

    private static List<LegalBase> legalBases(String vendor, String setting) {
        try {
            return LegalBases.parse(Optional.ofNullable(setting));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(variable(vendor, "legal-bases") + ": " + e.getMessage());
        }
    }

    private static String ecommerce(String vendor, String family, Context context) {
        if (family == null) {
            return context.ecommerceEvents().name().toLowerCase(Locale.ROOT);
        }
        if (family.trim().equalsIgnoreCase("current") || family.trim().equalsIgnoreCase("legacy")) {
            return family.trim().toLowerCase(Locale.ROOT);
        }
        throw new IllegalStateException(variable(vendor, "ecommerce-events") + " is current or legacy, not " + family);
    }

    private static String variable(String vendor, String setting) {
        return ("PONTE_VENDORS_" + vendor + "_" + setting).toUpperCase(Locale.ROOT).replace('-', '_');
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
        return file.requiredSettings();
    }

    @Override
    public Credentials credentials() {
        return file.proof().credentials();
    }

    @Override
    public Verification verify(Webhook webhook) {
        return file.proof().check(webhook, values.get("secret"), context.clock());
    }

    @Override
    public MappingResult map(Webhook webhook) {
        Object body = VendorJson.values(webhook.body(), wanted);
        Map<String, Object> variables = variables(webhook);
        Object topicValue = evaluate(file.topic(), body, variables, "topic");
        if (topicValue == null) {
            throw new MalformedPayload("This " + file.vendor() + " webhook has no topic where " + file.file()
                    + " looks for it (" + file.topic() + ").", MappingFileReader.jsonPath(file.topic()));
        }
        String topic = String.valueOf(topicValue);
        MappingFile.Topic rule = file.topics().get(topic);
        if (rule == null) {
            return new MappingResult.Ignored(topic, file.file() + " maps " + String.join(", ", file.topics().keySet()) + ".");
        }
        variables.put("topic", topic);
        for (Expression path : rule.require()) {
            Object value = evaluate(path, body, variables, "require");
            if (value == null || (value instanceof String text && text.isBlank())) {
                throw new MalformedPayload("A " + file.vendor() + " " + topic + " carries " + path + ".",
                        MappingFileReader.jsonPath(path));
            }
        }
        for (MappingFile.Ignore ignore : rule.ignore()) {
            if (Jsonata.boolize(evaluate(ignore.when(), body, variables, "ignore"))) {
                return new MappingResult.Ignored(topic, ignore.because());
            }
        }
        if (rule.reply() != null) {
            return reply(topic, rule.reply(), body, variables);
        }
        Expression topicId = rule.deliveryId() != null ? rule.deliveryId() : file.deliveryId();
        String deliveryId = text(topicId == null ? null : evaluate(topicId, body, variables, "delivery-id"));
        if (rule.contact() != null) {
            MappingResult unresolved = resolve(webhook, topic, deliveryId, rule.contact(), body, variables);
            if (unresolved != null) {
                return unresolved;
            }
        }
        Map<String, List<RdEvent>> byDelivery = new LinkedHashMap<>();
        for (MappingFile.Event event : rule.events()) {
            if (event.when() != null && !Jsonata.boolize(evaluate(event.when(), body, variables, "when"))) {
                continue;
            }
            if (event.funnel() != null && !funnelEnabled(event.funnel())) {
                continue;
            }
            String id = event.deliveryId() == null ? deliveryId
                    : text(evaluate(event.deliveryId(), body, variables, "delivery-id"));
            byDelivery.computeIfAbsent(id, key -> new ArrayList<>()).add(event(event, body, variables));
        }
        if (byDelivery.isEmpty()) {
            return new MappingResult.Ignored(topic, "No event of " + topic + " in " + file.file() + " applies to this webhook.");
        }
        if (byDelivery.size() == 1) {
            Map.Entry<String, List<RdEvent>> only = byDelivery.entrySet().iterator().next();
            return new MappingResult.Mapped(topic, only.getKey(), only.getValue());
        }
        List<MappingResult.Mapped> deliveries = new ArrayList<>();
        byDelivery.forEach((id, events) -> deliveries.add(new MappingResult.Mapped(topic, id, events)));
        return new MappingResult.Several(topic, deliveries);
    }

    private MappingResult resolve(Webhook webhook, String topic, String deliveryId, MappingFile.Contact contact,
            Object body, Map<String, Object> variables) {
        String email = contact.email() == null ? null : text(evaluate(contact.email(), body, variables, "contact.email"));
        String raw = contact.phone() == null ? null : text(evaluate(contact.phone(), body, variables, "contact.phone"));
        String phone = raw == null ? null : Contacts.phone(raw);
        Optional<String> found = context.contacts() != null ? context.contacts().email(webhook, email, phone)
                : Optional.ofNullable(Contacts.email(email, webhook.queryParameter("email")));
        if (found.isEmpty()) {
            return ContactResolver.noEmail(topic, deliveryId, phone, contact.otherwise());
        }
        variables.put("contact", found.get());
        return null;
    }

    private static MappingResult reply(String topic, MappingFile.Reply reply, Object body, Map<String, Object> variables) {
        Object value = reply.body() == null ? null : evaluate(reply.body(), body, variables, "reply.body");
        String text = value == null ? "" : value instanceof String string ? string
                : RdJson.mapper().valueToTree(value).toString();
        return new MappingResult.Reply(topic, reply.status(), reply.contentType(), text);
    }

    private RdEvent event(MappingFile.Event event, Object body, Map<String, Object> variables) {
        Map<String, Object> payload = new LinkedHashMap<>();
        if (event.funnel() != null) {
            payload.put("funnel_name", setting("funnel"));
        }
        if (variables.get("contact") != null && !event.fields().containsKey("email")) {
            payload.put("email", variables.get("contact"));
        }
        event.fields().forEach((name, expression) -> {
            Object value = evaluate(expression, body, variables, name);
            if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
                payload.put(name, value(value));
            }
        });
        if (event.customFields() != null) {
            customFields(event, evaluate(event.customFields(), body, variables, "custom-fields"), payload);
        }
        if (!payload.containsKey("legal_bases") && !legalBases.isEmpty() && EventSchemas.accepts(event.type(), "legal_bases")) {
            payload.put("legal_bases", legalBases);
        }
        try {
            return RdJson.event(event.type(), payload);
        } catch (RuntimeException e) {
            // A value of the wrong kind for its field (a list where RD takes a string...): named by its
            // fields, never echoing the webhook's contents back.
            throw new MalformedPayload("The " + event.type() + " this webhook maps to has a value of the wrong kind"
                    + " among its fields " + String.join(", ", payload.keySet()) + ".");
        }
    }

    /** An object of {@code cf_<identifier>} names; names RD would not take as custom fields are the file's mistake, said so. */
    private void customFields(MappingFile.Event event, Object value, Map<String, Object> payload) {
        if (value == null) {
            return;
        }
        if (!(value instanceof Map<?, ?> fields)) {
            throw new MalformedPayload(file.file() + ": the custom-fields of a " + event.type()
                    + " make an object of cf_ names, not " + (value instanceof List ? "a list" : "a single value") + ".");
        }
        fields.forEach((name, fieldValue) -> {
            String key = String.valueOf(name);
            if (!EventSchemas.accepts(EventType.CONVERSION, key)) {
                throw new MalformedPayload(file.file() + ": the custom field " + key.substring(0, Math.min(key.length(), 60))
                        + " is not named cf_<api identifier>.");
            }
            if (fieldValue != null && !(fieldValue instanceof String text && text.isBlank()) && !payload.containsKey(key)) {
                payload.put(key, value(fieldValue));
            }
        });
    }

    /**
     * JSON as RD reads it: whole numbers stay whole (1500, not 1500.0) and decimals keep their
     * digits. Texts, booleans, whole numbers, lists and objects are taken as they are.
     */
    private static Object value(Object value) {
        if (value instanceof Double number && !number.isInfinite() && !number.isNaN()) {
            BigDecimal exact = BigDecimal.valueOf(number);
            return whole(exact) ? whole(exact.toBigIntegerExact()) : exact;
        }
        if (value instanceof BigDecimal decimal && whole(decimal)) {
            return whole(decimal.toBigIntegerExact());
        }
        return value;
    }

    private static boolean whole(BigDecimal number) {
        return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
    }

    private static Number whole(java.math.BigInteger number) {
        return number.bitLength() < 32 ? (Number) number.intValue() : number;
    }

    private boolean funnelEnabled(String stage) {
        for (String enabled : setting("funnel-events").split(",")) {
            if (enabled.trim().toLowerCase(Locale.ROOT).equals(stage)) {
                return true;
            }
        }
        return false;
    }

    private static Object evaluate(Expression expression, Object body, Map<String, Object> variables, String field) {
        try {
            return expression.evaluate(body, variables);
        } catch (JException e) {
            throw new MalformedPayload("The mapping's " + field + " (" + expression + ") failed on this webhook: "
                    + e.getMessage());
        } catch (MalformedPayload e) {
            throw e;
        } catch (RuntimeException e) {
            // A shared rule given what it cannot take (a list where it reads text...): the webhook's
            // data, not Ponte, said in the webhook's terms.
            throw new MalformedPayload("The mapping's " + field + " (" + expression + ") failed on this webhook: a"
                    + " value is not of the kind it reads.");
        }
    }

    private static String text(Object value) {
        return value == null ? null : value instanceof Double number ? BigDecimal.valueOf(number).stripTrailingZeros()
                .toPlainString() : String.valueOf(value);
    }

    /** The configured value, else the file's default; null when neither. */
    String setting(String name) {
        return values.get(name);
    }

    private Map<String, Object> variables(Webhook webhook) {
        // The webhook's headers are looked up without regard to case already.
        Map<String, Object> query = new LinkedHashMap<>();
        webhook.queryParameters().forEach((name, values) -> query.put(name, values.isEmpty() ? null : values.get(0)));
        // Every variable is bound on every evaluation: a parsed expression is reused, and must
        // never see the last webhook's $contact.
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("headers", webhook.headers());
        variables.put("query", query);
        variables.put("settings", settingsVariable);
        variables.put("ecommerce", ecommerce);
        variables.put("topic", null);
        variables.put("contact", null);
        return variables;
    }
}
