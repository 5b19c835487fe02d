package dev.ponte.rd.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.rd.RdError;
import dev.ponte.rd.events.EventType;
import dev.ponte.rd.events.RdEvent;
import dev.ponte.rd.events.RdJson;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks events against RD's documented rules before anything is sent, and lists every
 * violation at once, in RD's error shape, so a caller fixes a payload in one round trip.
 * Events mappers build are checked by the same rules as events users post.
 */
public final class EventValidator {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s\"(),:;<>\\[\\\\\\]]+@[^@\\s\"(),:;<>\\[\\\\\\]]+\\.[^@\\s\"(),:;<>\\[\\\\\\]]+$");
    private static final Pattern RFC_3339 = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$");
    private static final java.math.BigDecimal MAX_AMOUNT = new java.math.BigDecimal("999999999999.99");
    private static final Set<String> EVENT_KEYS = Set.of("event_type", "event_family", "payload");
    private static final List<String> LEGAL_CATEGORIES = List.of("data_processing", "communications");
    private static final List<String> LEGAL_TYPES = List.of("pre_existent_contract", "consent",
            "legitimate_interest", "judicial_process", "vital_interest", "public_interest");
    private static final Set<String> LEGAL_KEYS = Set.of("category", "type", "status");

    private EventValidator() {
    }

    /** Violations of one typed event, with paths as if it had been posted as the request body. */
    public static List<RdError> validate(RdEvent event) {
        return validate(RdJson.tree(event), "$.body");
    }

    /** Violations of one event node found at {@code path} ({@code $.body} or {@code $.body[3]}). */
    public static List<RdError> validate(JsonNode event, String path) {
        List<RdError> errors = new ArrayList<>();
        if (event == null || !event.isObject()) {
            errors.add(RdError.of("INVALID_FORMAT", "Must be an event object with event_type, event_family and payload.", path));
            return errors;
        }
        unknownKeys(event, EVENT_KEYS::contains, path, errors);
        EventType type = eventType(event.get("event_type"), path + ".event_type", errors);
        JsonNode family = event.get("event_family");
        if (isAbsent(family)) {
            errors.add(cannotBeNull(path + ".event_family"));
        } else if (!family.isTextual() || !RdEvent.FAMILY.equals(family.asText())) {
            errors.add(RdError.invalidOption(path + ".event_family", List.of(RdEvent.FAMILY)));
        }
        JsonNode payload = event.get("payload");
        if (isAbsent(payload)) {
            errors.add(cannotBeNull(path + ".payload"));
        } else if (!payload.isObject()) {
            errors.add(RdError.of("INVALID_FORMAT", "Must be an object.", path + ".payload"));
        } else if (type != null) {
            payload(type, payload, path + ".payload", errors);
        }
        return errors;
    }

    private static EventType eventType(JsonNode node, String path, List<RdError> errors) {
        if (isAbsent(node)) {
            errors.add(cannotBeNull(path));
            return null;
        }
        EventType type = node.isTextual() ? EventType.named(node.asText()).orElse(null) : null;
        if (type == null) {
            errors.add(RdError.invalidOption(path, EventType.names()));
        }
        return type;
    }

    private static void payload(EventType type, JsonNode payload, String path, List<RdError> errors) {
        Map<String, Field> fields = EventSchemas.of(type);
        known(fields, payload, path, errors);
        Iterator<Map.Entry<String, JsonNode>> entries = payload.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String name = entry.getKey();
            String at = path + "." + name;
            if (fields.containsKey(name)) {
                continue;
            }
            if (EventSchemas.isCustomField(type, name)) {
                if (!entry.getValue().isTextual() && !entry.getValue().isNull()) {
                    errors.add(mustBe(at, FieldType.STRING));
                }
            } else {
                errors.add(RdError.of("INVALID_FIELDS", "Not a field of " + type
                        + (type == EventType.CONVERSION ? "; custom fields are named cf_<api identifier>." : "."), at));
            }
        }
    }

    /** The listed fields of an object: present when required, of their kind when present. */
    private static void known(Map<String, Field> fields, JsonNode object, String path, List<RdError> errors) {
        for (Field field : fields.values()) {
            JsonNode value = object.get(field.name());
            String at = path + "." + field.name();
            if (isAbsent(value)) {
                if (field.required()) {
                    errors.add(cannotBeNull(at));
                }
            } else if (field.required() && value.isTextual() && value.asText().isBlank()) {
                errors.add(RdError.of("CANNOT_BE_NULL", "Cannot be blank.", at));
            } else if (field.maxLength() > 0 && value.isTextual()
                    && value.asText().codePointCount(0, value.asText().length()) > field.maxLength()) {
                errors.add(RdError.of("INVALID_FORMAT", "Must be at most " + field.maxLength() + " characters.", at));
            } else {
                value(field.type(), value, at, errors);
            }
        }
    }

    private static void value(FieldType type, JsonNode value, String at, List<RdError> errors) {
        switch (type) {
            case STRING -> check(value.isTextual(), at, type, errors);
            case EMAIL -> check(value.isTextual() && isEmail(value.asText()), at, type, errors);
            case INTEGER -> check(isCount(value, 0), at, type, errors);
            case COUNT_FROM_ONE -> check(isCount(value, 1), at, type, errors);
            case FLOAT -> check(isAmount(value), at, type, errors);
            case BOOLEAN -> check(value.isBoolean(), at, type, errors);
            case TIMESTAMP -> check(value.isTextual() && isRfc3339(value.asText()), at, type, errors);
            case URL -> check(value.isTextual() && isUrl(value.asText()), at, type, errors);
            case STRING_LIST -> stringList(value, at, errors);
            case CATEGORIES -> strings(value, EventSchemas.MAX_CATEGORIES, false, FieldType.CATEGORIES, at, errors);
            case PAYMENT_METHODS -> strings(value, EventSchemas.MAX_PAYMENT_METHODS, true, FieldType.PAYMENT_METHODS, at,
                    errors);
            case LEGAL_BASES -> legalBases(value, LEGAL_CATEGORIES, at, errors);
            case COMMUNICATIONS_LEGAL_BASES -> legalBases(value, List.of("communications"), at, errors);
            case LINE_ITEMS -> lineItems(value, at, errors);
            case PAYMENT_METHOD -> option(value, at, EventSchemas.PAYMENT_METHODS, errors);
            case CURRENCY -> option(value, at, EventSchemas.CURRENCIES, errors);
            case CANCEL_REASON -> option(value, at, EventSchemas.CANCEL_REASONS, errors);
        }
    }

    private static void lineItems(JsonNode value, String at, List<RdError> errors) {
        if (!value.isArray() || value.size() > EventSchemas.MAX_LINE_ITEMS) {
            errors.add(mustBe(at, FieldType.LINE_ITEMS));
            return;
        }
        Map<String, Field> fields = EventSchemas.lineItem();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemAt = at + "[" + i + "]";
            if (!item.isObject()) {
                errors.add(RdError.of("INVALID_FORMAT", "Must be a line item object with product_id, product_title,"
                        + " price and quantity.", itemAt));
                continue;
            }
            known(fields, item, itemAt, errors);
            unknownKeys(item, fields::containsKey, itemAt, errors);
        }
    }

    /** A list of at most {@code max} strings ({@code nonEmpty}: none blank). */
    private static void strings(JsonNode value, int max, boolean nonEmpty, FieldType type, String at,
            List<RdError> errors) {
        if (!value.isArray() || value.size() > max) {
            errors.add(mustBe(at, type));
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual()) {
                errors.add(mustBe(at + "[" + i + "]", FieldType.STRING));
            } else if (nonEmpty && item.asText().isBlank()) {
                errors.add(RdError.of("CANNOT_BE_NULL", "Cannot be blank.", at + "[" + i + "]"));
            }
        }
    }

    private static void stringList(JsonNode value, String at, List<RdError> errors) {
        if (!value.isArray()) {
            errors.add(mustBe(at, FieldType.STRING_LIST));
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            check(value.get(i).isTextual(), at + "[" + i + "]", FieldType.STRING, errors);
        }
    }

    private static void legalBases(JsonNode value, List<String> categories, String at, List<RdError> errors) {
        if (!value.isArray()) {
            errors.add(mustBe(at, FieldType.LEGAL_BASES));
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            legalBasis(value.get(i), categories, at + "[" + i + "]", errors);
        }
    }

    private static void legalBasis(JsonNode basis, List<String> categories, String at, List<RdError> errors) {
        if (!basis.isObject()) {
            errors.add(RdError.of("INVALID_FORMAT", "Must be an object with category, type and status.", at));
            return;
        }
        unknownKeys(basis, LEGAL_KEYS::contains, at, errors);
        String category = option(basis.get("category"), at + ".category", categories, errors);
        option(basis.get("type"), at + ".type", LEGAL_TYPES, errors);
        JsonNode status = basis.get("status");
        if ("data_processing".equals(category) && !isAbsent(status)) {
            // RD: status is optional for data processing, and if present may only be granted.
            option(status, at + ".status", List.of("granted"), errors);
        } else if ("communications".equals(category)) {
            option(status, at + ".status", List.of("granted", "declined"), errors);
        }
    }

    private static String option(JsonNode node, String at, List<String> options, List<RdError> errors) {
        if (isAbsent(node)) {
            errors.add(cannotBeNull(at));
            return null;
        }
        if (!node.isTextual() || !options.contains(node.asText())) {
            errors.add(RdError.invalidOption(at, options));
            return null;
        }
        return node.asText();
    }

    private static void unknownKeys(JsonNode object, java.util.function.Predicate<String> known, String at,
            List<RdError> errors) {
        object.fieldNames().forEachRemaining(name -> {
            if (!known.test(name)) {
                errors.add(RdError.of("INVALID_FIELDS", "Not an accepted field.", at + "." + name));
            }
        });
    }

    private static void check(boolean ok, String at, FieldType type, List<RdError> errors) {
        if (!ok) {
            errors.add(mustBe(at, type));
        }
    }

    private static RdError mustBe(String at, FieldType type) {
        return RdError.of("INVALID_FORMAT", "Must be " + type.expected + ".", at);
    }

    private static RdError cannotBeNull(String at) {
        return RdError.of("CANNOT_BE_NULL", "Cannot be null.", at);
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    /**
     * An address RD can match a contact on: at most 254 characters (64 before the {@code @}), the
     * usual shape, and none of the characters that make two addresses look alike or break a
     * line: controls (NUL), invisible formatting (zero-width, right-to-left marks), separators,
     * and halves of a broken UTF-16 pair.
     */
    public static boolean isEmail(String value) {
        int at = value.lastIndexOf('@');
        if (value.length() > 254 || at < 1 || at > 64) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
                continue;
            }
            int kind = Character.getType(c);
            if (kind == Character.CONTROL || kind == Character.FORMAT || kind == Character.SURROGATE
                    || kind == Character.UNASSIGNED || kind == Character.PRIVATE_USE || Character.isSpaceChar(c)) {
                return false;
            }
        }
        return EMAIL.matcher(value).matches();
    }

    /**
     * Money RD can store and show: not negative, and within what a double keeps exactly to the
     * cent (RD keeps amounts as JSON numbers; Ponte refuses rather than let them round).
     */
    private static boolean isAmount(JsonNode value) {
        if (!value.isNumber()) {
            return false;
        }
        java.math.BigDecimal amount = value.decimalValue();
        return amount.signum() >= 0 && amount.compareTo(MAX_AMOUNT) <= 0;
    }

    /** A whole number written as one, from {@code least} up to what RD stores (an int). */
    private static boolean isCount(JsonNode value, int least) {
        return value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= least;
    }

    /** An absolute http(s) URL with a host: what RD links to from its e-mails. */
    static boolean isUrl(String value) {
        if (value.length() > 2048 || value.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            return false;
        }
        try {
            java.net.URI uri = new java.net.URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    public static boolean isRfc3339(String value) {
        if (!RFC_3339.matcher(value).matches()) {
            return false;
        }
        try {
            OffsetDateTime.parse(value.toUpperCase(Locale.ROOT));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
