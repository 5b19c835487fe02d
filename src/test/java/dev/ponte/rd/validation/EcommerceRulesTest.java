package dev.ponte.rd.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponte.rd.RdError;
import dev.ponte.rd.events.EventType;
import dev.ponte.testing.Fixtures;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each rule RD's client checks for the ECOMMERCE_* family, broken once, answered in RD's error shape. */
class EcommerceRulesTest {

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = "ECOMMERCE_.*", mode = EnumSource.Mode.MATCH_ALL)
    void everyTypeNeedsAnEmailAndAnIdentifier(EventType type) {
        assertThat(errorsOf(type.name(), p -> p.remove(List.of("email", "identifier"))))
                .extracting(RdError::errorType, RdError::path)
                .containsExactly(tuple("CANNOT_BE_NULL", "$.body.payload.email"),
                        tuple("CANNOT_BE_NULL", "$.body.payload.identifier"));
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = "ECOMMERCE_.*", mode = EnumSource.Mode.MATCH_ALL)
    void legalBasesAreOfTheCommunicationsCategoryOnly(EventType type) {
        assertThat(errorsOf(type.name(), p -> ((ObjectNode) p.withArray("legal_bases").get(0))
                .put("category", "data_processing")))
                .extracting(RdError::errorType, RdError::path)
                .containsExactly(tuple("INVALID_OPTION", "$.body.payload.legal_bases[0].category"));
        assertThat(errorsOf(type.name(), p -> ((ObjectNode) p.withArray("legal_bases").get(0)).put("status", "maybe")))
                .extracting(RdError::errorType, RdError::path)
                .containsExactly(tuple("INVALID_OPTION", "$.body.payload.legal_bases[0].status"));
    }

    @Test
    void checkoutAndCartNeedAUrlACurrencyAPriceAndAtLeastOneItem() {
        for (String type : List.of("ECOMMERCE_CHECKOUT_STARTED", "ECOMMERCE_CART_ABANDONED")) {
            assertThat(errorsOf(type, p -> p.remove(List.of("checkout_url", "currency", "price", "total_items"))))
                    .extracting(RdError::path)
                    .containsExactly("$.body.payload.checkout_url", "$.body.payload.currency", "$.body.payload.price",
                            "$.body.payload.total_items");
            assertThat(errorsOf(type, p -> p.put("total_items", 0))).extracting(RdError::path, RdError::errorMessage)
                    .containsExactly(tuple("$.body.payload.total_items", "Must be a whole number from 1 to 2147483647."));
        }
    }

    @Test
    void aPaidOrderMayHaveNoItemsButNeedsACurrencyAndAPrice() {
        assertThat(errorsOf("ECOMMERCE_ORDER_PAID", p -> p.put("total_items", 0))).isEmpty();
        assertThat(errorsOf("ECOMMERCE_ORDER_PAID", p -> p.put("total_items", -1))).extracting(RdError::path)
                .containsExactly("$.body.payload.total_items");
        assertThat(errorsOf("ECOMMERCE_ORDER_PAID", p -> p.remove(List.of("currency", "price", "total_items"))))
                .extracting(RdError::errorType).containsOnly("CANNOT_BE_NULL").hasSize(3);
    }

    @Test
    void currencyIsOneOfRdsTen() {
        List<RdError> errors = errorsOf("ECOMMERCE_ORDER_PAID", p -> p.put("currency", "GBP"));
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.errorType()).isEqualTo("INVALID_OPTION");
            assertThat(error.path()).isEqualTo("$.body.payload.currency");
            assertThat(error.validationRules().get("valid_options")).isEqualTo(List.of("ARS", "BRL", "CAD", "CLP", "COP",
                    "EUR", "MXN", "PEN", "USD", "UYU"));
        });
    }

    @Test
    void pricesAreAmountsInMajorUnitsNotNegative() {
        assertThat(errorsOf("ECOMMERCE_ORDER_PAID", p -> p.put("price", -0.01))).extracting(RdError::path)
                .containsExactly("$.body.payload.price");
        assertThat(errorsOf("ECOMMERCE_ORDER_PAID", p -> p.put("shipping_price", "14.90"))).extracting(RdError::path)
                .containsExactly("$.body.payload.shipping_price");
        assertThat(errorsOf("ECOMMERCE_ORDER_PAID", p -> ((ObjectNode) p.withArray("line_items").get(1))
                .put("price", -5))).extracting(RdError::path).containsExactly("$.body.payload.line_items[1].price");
    }

    @Test
    void atMostTwentyLineItems() {
        assertThat(errorsOf("ECOMMERCE_ORDER_PAID", p -> {
            ArrayNode lines = p.withArray("line_items");
            while (lines.size() < 21) {
                lines.add(lines.get(1).deepCopy());
            }
        })).extracting(RdError::path, RdError::errorMessage)
                .containsExactly(tuple("$.body.payload.line_items", "Must be an array of at most 20 line items."));
    }

    @Test
    void eachLineItemIsCheckedWhereItStands() {
        List<RdError> errors = errorsOf("ECOMMERCE_CHECKOUT_STARTED", p -> {
            ArrayNode lines = p.withArray("line_items");
            lines.add(lines.get(1).deepCopy());
            lines.add(lines.get(1).deepCopy());
            ObjectNode fourth = (ObjectNode) lines.get(3);
            fourth.put("quantity", 1.5);
            fourth.put("product_id", "x".repeat(151));
            fourth.put("product_title", "t".repeat(256));
            fourth.put("image_url", "ftp://cdn.example.com/a.jpg");
            fourth.put("colour", "blue");
            ((ObjectNode) lines.get(0)).remove("product_title");
            ((ObjectNode) lines.get(2)).put("quantity", 0);
        });
        assertThat(errors).extracting(RdError::errorType, RdError::path).containsExactly(
                tuple("CANNOT_BE_NULL", "$.body.payload.line_items[0].product_title"),
                tuple("INVALID_FORMAT", "$.body.payload.line_items[2].quantity"),
                tuple("INVALID_FORMAT", "$.body.payload.line_items[3].product_id"),
                tuple("INVALID_FORMAT", "$.body.payload.line_items[3].product_title"),
                tuple("INVALID_FORMAT", "$.body.payload.line_items[3].quantity"),
                tuple("INVALID_FORMAT", "$.body.payload.line_items[3].image_url"),
                tuple("INVALID_FIELDS", "$.body.payload.line_items[3].colour"));
        assertThat(errors.get(2).errorMessage()).isEqualTo("Must be at most 150 characters.");
        assertThat(errors.get(3).errorMessage()).isEqualTo("Must be at most 255 characters.");
    }

    @Test
    void aLineItemIsAnObject() {
        assertThat(errorsOf("ECOMMERCE_CART_ABANDONED", p -> p.withArray("line_items").set(0, "8234551")))
                .extracting(RdError::path).containsExactly("$.body.payload.line_items[0]");
    }

    @Test
    void categoriesAreAtMostTenStrings() {
        assertThat(errorsOf("ECOMMERCE_ORDER_PLACED", p -> {
            ArrayNode categories = ((ObjectNode) p.withArray("line_items").get(0)).putArray("categories");
            for (int i = 0; i < 11; i++) {
                categories.add("c" + i);
            }
        })).extracting(RdError::path).containsExactly("$.body.payload.line_items[0].categories");
        assertThat(errorsOf("ECOMMERCE_ORDER_PLACED", p -> ((ObjectNode) p.withArray("line_items").get(0))
                .putArray("categories").add(3))).extracting(RdError::path)
                .containsExactly("$.body.payload.line_items[0].categories[0]");
    }

    @Test
    void paymentMethodsAreAtMostFiveNonEmptyStrings() {
        assertThat(errorsOf("ECOMMERCE_ORDER_PAID", p -> p.putArray("payment_methods").add("Pix").add("a").add("b")
                .add("c").add("d").add("e"))).extracting(RdError::path).containsExactly("$.body.payload.payment_methods");
        assertThat(errorsOf("ECOMMERCE_ORDER_PAID", p -> p.putArray("payment_methods").add("Pix").add(" ")))
                .extracting(RdError::errorType, RdError::path)
                .containsExactly(tuple("CANNOT_BE_NULL", "$.body.payload.payment_methods[1]"));
    }

    @Test
    void urlsAreHttpOrHttps() {
        for (String bad : List.of("loja.example.com.br/pedidos/1001", "javascript:alert(1)", "https://", "https://a b.com/")) {
            assertThat(errorsOf("ECOMMERCE_ORDER_PAID", p -> p.put("order_url", bad))).as(bad)
                    .extracting(RdError::path, RdError::errorMessage)
                    .containsExactly(tuple("$.body.payload.order_url", "Must be an http:// or https:// URL."));
        }
        assertThat(errorsOf("ECOMMERCE_ORDER_FULFILLED", p -> p.put("tracking_url", "www.correios.com.br")))
                .extracting(RdError::path).containsExactly("$.body.payload.tracking_url");
        assertThat(errorsOf("ECOMMERCE_CART_ABANDONED", p -> p.put("checkout_url", "HTTP://LOJA.EXAMPLE.COM/c")))
                .isEmpty();
    }

    @Test
    void aDeliveredShipmentNamesItsOrder() {
        assertThat(errorsOf("ECOMMERCE_SHIPMENT_DELIVERED", p -> p.remove("order_identifier")))
                .extracting(RdError::errorType, RdError::path)
                .containsExactly(tuple("CANNOT_BE_NULL", "$.body.payload.order_identifier"));
    }

    @Test
    void aCancellationGivesOneOfRdsFiveReasons() {
        assertThat(errorsOf("ECOMMERCE_ORDER_CANCELLED", p -> p.put("cancel_reason", "staff")))
                .singleElement().satisfies(error -> {
                    assertThat(error.path()).isEqualTo("$.body.payload.cancel_reason");
                    assertThat(error.validationRules().get("valid_options"))
                            .isEqualTo(List.of("customer", "declined", "fraud", "inventory", "other"));
                });
    }

    @Test
    void fieldsOfOtherTypesAndCustomFieldsAreRefused() {
        assertThat(errorsOf("ECOMMERCE_ORDER_REFUNDED", p -> p.put("price", 10).put("cf_plan", "gold")))
                .extracting(RdError::errorType, RdError::path)
                .containsExactly(tuple("INVALID_FIELDS", "$.body.payload.price"),
                        tuple("INVALID_FIELDS", "$.body.payload.cf_plan"));
        assertThat(errorsOf("ECOMMERCE_ORDER_FULFILLED", p -> p.putArray("line_items")))
                .extracting(RdError::path).containsExactly("$.body.payload.line_items");
    }

    private static List<RdError> errorsOf(String type, Consumer<ObjectNode> change) {
        ObjectNode event = (ObjectNode) Fixtures.json("rd/examples/" + type + ".json");
        change.accept((ObjectNode) event.get("payload"));
        return EventValidator.validate(event, "$.body");
    }

    private static Tuple tuple(Object... values) {
        return Tuple.tuple(values);
    }
}
