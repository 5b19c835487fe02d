package dev.ponte.rd.validation;

import static dev.ponte.rd.validation.Field.optional;
import static dev.ponte.rd.validation.Field.required;
import static dev.ponte.rd.validation.FieldType.BOOLEAN;
import static dev.ponte.rd.validation.FieldType.CANCEL_REASON;
import static dev.ponte.rd.validation.FieldType.CATEGORIES;
import static dev.ponte.rd.validation.FieldType.COMMUNICATIONS_LEGAL_BASES;
import static dev.ponte.rd.validation.FieldType.COUNT_FROM_ONE;
import static dev.ponte.rd.validation.FieldType.CURRENCY;
import static dev.ponte.rd.validation.FieldType.EMAIL;
import static dev.ponte.rd.validation.FieldType.FLOAT;
import static dev.ponte.rd.validation.FieldType.INTEGER;
import static dev.ponte.rd.validation.FieldType.LEGAL_BASES;
import static dev.ponte.rd.validation.FieldType.LINE_ITEMS;
import static dev.ponte.rd.validation.FieldType.PAYMENT_METHOD;
import static dev.ponte.rd.validation.FieldType.STRING_LIST;
import static dev.ponte.rd.validation.FieldType.TIMESTAMP;
import static dev.ponte.rd.validation.FieldType.URL;

import dev.ponte.rd.events.EventType;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The payload fields of each event type: the 13 transcribed from RD's Events API documentation
 * (names, kinds, required flags), the {@code ECOMMERCE_*} family from the rules RD's own client
 * checks before sending (limits included). The payload records in {@code rd.events} mirror these
 * (a test holds the two together); validation reads only this table.
 */
public final class EventSchemas {

    private static final List<Field> SOCIAL = List.of(
            optional("job_title"), optional("personal_phone"), optional("mobile_phone"),
            optional("twitter"), optional("facebook"), optional("linkedin"), optional("website"),
            optional("company_name"), optional("company_site"));

    private static final List<Field> CHAT = List.of(
            required("chat_subject"), required("cf_chat_status"), optional("cf_chat_type"),
            optional("cf_birthdate"), optional("cf_gender"), optional("name"), required("email", EMAIL));

    private static final List<Field> MEDIA = List.of(
            required("email", EMAIL), optional("name"), optional("company_name"), optional("company_site"),
            optional("job_title"), optional("personal_phone"), optional("mobile_phone"), optional("twitter"),
            optional("facebook"), optional("linkedin"), optional("website"), required("media_type"),
            optional("media_metadata"), optional("media_recorded_content", BOOLEAN), required("media_identifier"),
            optional("media_category"), optional("media_duration", INTEGER),
            optional("media_published_date_timestamp", TIMESTAMP));

    private static final Field LEGAL = optional("legal_bases", LEGAL_BASES);

    /** What every ECOMMERCE_* event carries: the contact and the checkout, cart, order or shipment it is about. */
    private static final List<Field> ECOMMERCE = List.of(
            required("email", EMAIL), required("identifier"), optional("name"), optional("mobile_phone"),
            optional("personal_phone"), optional("legal_bases", COMMUNICATIONS_LEGAL_BASES));

    private static final List<Field> CART = List.of(
            required("checkout_url", URL), required("currency", CURRENCY), required("price", FLOAT),
            required("total_items", COUNT_FROM_ONE), optional("line_items", LINE_ITEMS));

    private static final List<Field> ORDER = List.of(
            required("currency", CURRENCY), required("price", FLOAT), required("total_items", INTEGER),
            optional("line_items", LINE_ITEMS), optional("shipping_price", FLOAT), optional("shipping_city"),
            optional("shipping_state"), optional("shipping_country"), optional("order_url", URL),
            optional("payment_methods", FieldType.PAYMENT_METHODS));

    private static final Map<String, Field> LINE_ITEM = byName("line item", List.of(
            required("product_id").atMost(150), required("product_title").atMost(255), required("price", FLOAT),
            required("quantity", COUNT_FROM_ONE), optional("sku"), optional("variant_id"), optional("variant_title"),
            optional("product_url", URL), optional("image_url", URL), optional("categories", CATEGORIES)));

    private static final Map<EventType, Map<String, Field>> SCHEMAS = new EnumMap<>(EventType.class);

    static {
        define(EventType.CONVERSION, List.of(
                required("conversion_identifier"), optional("name"), required("email", EMAIL),
                optional("job_title"), optional("state"), optional("city"), optional("country"),
                optional("personal_phone"), optional("mobile_phone"), optional("twitter"), optional("facebook"),
                optional("linkedin"), optional("website"), optional("company_name"), optional("company_site"),
                optional("company_address"), optional("client_tracking_id"), optional("traffic_source"),
                optional("traffic_medium"), optional("traffic_campaign"), optional("traffic_value"),
                optional("tags", STRING_LIST), optional("available_for_mailing", BOOLEAN), LEGAL));
        define(EventType.OPPORTUNITY, List.of(required("funnel_name"), required("email", EMAIL)));
        define(EventType.SALE, List.of(
                required("funnel_name"), required("email", EMAIL), optional("value", FLOAT)));
        define(EventType.OPPORTUNITY_LOST, List.of(
                required("email", EMAIL), required("funnel_name"), optional("reason")));
        define(EventType.ORDER_PLACED, List.of(
                optional("name"), required("email", EMAIL), required("cf_order_id"),
                required("cf_order_total_items", INTEGER), required("cf_order_status"),
                required("cf_order_payment_method", PAYMENT_METHOD),
                required("cf_order_payment_amount", FLOAT), LEGAL));
        define(EventType.ORDER_PLACED_ITEM, List.of(
                optional("name"), required("email", EMAIL), required("cf_order_id"),
                required("cf_order_product_id"), required("cf_order_product_sku"), LEGAL));
        define(EventType.CART_ABANDONED, List.of(
                optional("name"), required("email", EMAIL), required("cf_cart_id"),
                required("cf_cart_total_items", INTEGER), required("cf_cart_status"), LEGAL));
        define(EventType.CART_ABANDONED_ITEM, List.of(
                optional("name"), required("email", EMAIL), required("cf_cart_id"),
                required("cf_cart_product_id"), required("cf_cart_product_sku"), LEGAL));
        define(EventType.CHAT_STARTED, concat(CHAT, SOCIAL, List.of(LEGAL)));
        define(EventType.CHAT_FINISHED, concat(CHAT, List.of(required("cf_chat_transcript_message")), SOCIAL,
                List.of(LEGAL)));
        define(EventType.CALL_FINISHED, List.of(
                optional("name"), required("email", EMAIL), optional("company_name"), optional("company_site"),
                optional("job_title"), optional("personal_phone"), optional("call_user_email", EMAIL),
                required("call_from_number"), optional("call_started_at", TIMESTAMP), optional("call_duration"),
                optional("call_type"), required("call_status"), optional("call_status_description"),
                optional("call_phone_type"), optional("call_carrier"), optional("call_record"), LEGAL));
        define(EventType.MEDIA_PLAYBACK_STARTED, concat(MEDIA, List.of(LEGAL)));
        define(EventType.MEDIA_PLAYBACK_STOPPED, concat(MEDIA, List.of(
                optional("media_finished", BOOLEAN), optional("media_user_interaction_duration", INTEGER),
                optional("media_user_interaction_percentage", INTEGER),
                optional("media_user_interaction_date_timestamp", TIMESTAMP), LEGAL)));
        define(EventType.ECOMMERCE_CHECKOUT_STARTED, concat(ECOMMERCE, CART));
        define(EventType.ECOMMERCE_CART_ABANDONED, concat(ECOMMERCE, CART));
        // RD has not published ORDER_PLACED's fields; a third-party client sends ORDER_PAID's.
        define(EventType.ECOMMERCE_ORDER_PLACED, concat(ECOMMERCE, ORDER));
        define(EventType.ECOMMERCE_ORDER_PAID, concat(ECOMMERCE, ORDER));
        define(EventType.ECOMMERCE_ORDER_FULFILLED, concat(ECOMMERCE, List.of(
                optional("order_identifier"), optional("tracking_company"), optional("tracking_code"),
                optional("tracking_url", URL))));
        define(EventType.ECOMMERCE_SHIPMENT_DELIVERED, concat(ECOMMERCE, List.of(required("order_identifier"))));
        define(EventType.ECOMMERCE_ORDER_CANCELLED, concat(ECOMMERCE, List.of(optional("cancel_reason", CANCEL_REASON))));
        // Nor REFUNDED's: only what every event of the family carries is sent.
        define(EventType.ECOMMERCE_ORDER_REFUNDED, ECOMMERCE);
    }

    /** The currencies RD's e-commerce events take. */
    public static final List<String> CURRENCIES = List.of("ARS", "BRL", "CAD", "CLP", "COP", "EUR", "MXN", "PEN",
            "USD", "UYU");

    /** RD's five reasons for a cancelled order. */
    public static final List<String> CANCEL_REASONS = List.of("customer", "declined", "fraud", "inventory", "other");

    public static final int MAX_LINE_ITEMS = 20;
    static final int MAX_PAYMENT_METHODS = 5;
    static final int MAX_CATEGORIES = 10;

    /** RD's four payment methods, spelled as RD spells them. */
    public static final List<String> PAYMENT_METHODS = List.of("Credit Card", "Debit Card", "Invoice", "Others");

    private EventSchemas() {
    }

    static Map<String, Field> of(EventType type) {
        return SCHEMAS.get(type);
    }

    /** The payload field names of a type, for tests that hold the records to this table. */
    public static List<String> fieldNames(EventType type) {
        return List.copyOf(SCHEMAS.get(type).keySet());
    }

    /** Whether a payload of {@code type} may carry a field {@code name}: one of its own, or one of CONVERSION's custom fields. */
    public static boolean accepts(EventType type, String name) {
        return SCHEMAS.get(type).containsKey(name) || isCustomField(type, name);
    }

    /** The fields RD requires of a type. */
    public static List<String> requiredFieldNames(EventType type) {
        return SCHEMAS.get(type).values().stream().filter(Field::required).map(Field::name).toList();
    }

    /** Whether {@code name} is a field RD accepts beyond the listed ones: CONVERSION's custom fields. */
    static boolean isCustomField(EventType type, String name) {
        return type == EventType.CONVERSION && name.startsWith("cf_") && name.length() > 3;
    }

    /** The fields of one line of an ECOMMERCE_* event's {@code line_items}. */
    static Map<String, Field> lineItem() {
        return LINE_ITEM;
    }

    /** The field names of a line item, for the test that holds its record to this table. */
    public static List<String> lineItemFieldNames() {
        return List.copyOf(LINE_ITEM.keySet());
    }

    private static void define(EventType type, List<Field> fields) {
        SCHEMAS.put(type, byName(type.name(), fields));
    }

    private static Map<String, Field> byName(String owner, List<Field> fields) {
        Map<String, Field> byName = new LinkedHashMap<>();
        fields.forEach(f -> {
            if (byName.put(f.name(), f) != null) {
                throw new IllegalStateException(owner + " lists " + f.name() + " twice");
            }
        });
        return byName;
    }

    @SafeVarargs
    private static List<Field> concat(List<Field>... parts) {
        return Stream.of(parts).flatMap(List::stream).toList();
    }
}
