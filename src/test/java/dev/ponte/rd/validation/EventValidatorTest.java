package dev.ponte.rd.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponte.rd.RdError;
import dev.ponte.rd.events.EventType;
import dev.ponte.rd.events.RdJson;
import dev.ponte.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class EventValidatorTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyDocumentedExampleIsValid(EventType type) {
        assertThat(EventValidator.validate(Fixtures.json("rd/examples/" + type + ".json"), "$.body")).isEmpty();
    }

    @Test
    void unknownEventTypeListsTheValidOptions() {
        List<RdError> errors = errorsOf("ORDER_PLACED", e -> e.put("event_type", "ORDER_SHIPPED"));
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.errorType()).isEqualTo("INVALID_OPTION");
            assertThat(error.errorMessage()).isEqualTo("Must be one of the valid options.");
            assertThat(error.path()).isEqualTo("$.body.event_type");
            assertThat(error.validationRules()).isEqualTo(Map.of("valid_options", EventType.names()));
        });
    }

    @Test
    void eventTypeAndFamilyAndPayloadAreRequired() {
        JsonNode empty = RdJson.mapper().createObjectNode();
        assertThat(EventValidator.validate(empty, "$.body")).extracting(RdError::errorType, RdError::path)
                .containsExactly(
                        tuple("CANNOT_BE_NULL", "$.body.event_type"),
                        tuple("CANNOT_BE_NULL", "$.body.event_family"),
                        tuple("CANNOT_BE_NULL", "$.body.payload"));
    }

    @Test
    void familyMustBeCdp() {
        assertThat(errorsOf("SALE", e -> e.put("event_family", "cdp")))
                .extracting(RdError::errorType, RdError::path)
                .containsExactly(tuple("INVALID_OPTION", "$.body.event_family"));
    }

    @Test
    void everyMissingRequiredFieldIsListed() {
        List<RdError> errors = errorsOf("ORDER_PLACED", e -> {
            ObjectNode payload = (ObjectNode) e.get("payload");
            payload.remove(List.of("email", "cf_order_id", "cf_order_total_items", "cf_order_status",
                    "cf_order_payment_method", "cf_order_payment_amount"));
        });
        assertThat(errors).extracting(RdError::errorType).containsOnly("CANNOT_BE_NULL");
        assertThat(errors).extracting(RdError::path).containsExactly(
                "$.body.payload.email", "$.body.payload.cf_order_id", "$.body.payload.cf_order_total_items",
                "$.body.payload.cf_order_status", "$.body.payload.cf_order_payment_method",
                "$.body.payload.cf_order_payment_amount");
    }

    @Test
    void nullAndBlankRequiredValuesAreRefused() {
        List<RdError> errors = errorsOf("OPPORTUNITY", e -> ((ObjectNode) e.get("payload"))
                .putNull("email").put("funnel_name", "  "));
        assertThat(errors).extracting(RdError::errorType, RdError::path).containsExactly(
                tuple("CANNOT_BE_NULL", "$.body.payload.funnel_name"),
                tuple("CANNOT_BE_NULL", "$.body.payload.email"));
    }

    @Test
    void integersMustBeWholeNumbers() {
        assertThat(payloadErrors("ORDER_PLACED", p -> p.put("cf_order_total_items", 2.5)))
                .containsExactly(tuple("INVALID_FORMAT", "$.body.payload.cf_order_total_items", "Must be a whole number from 0 to 2147483647."));
        assertThat(payloadErrors("CART_ABANDONED", p -> p.put("cf_cart_total_items", "2")))
                .containsExactly(tuple("INVALID_FORMAT", "$.body.payload.cf_cart_total_items", "Must be a whole number from 0 to 2147483647."));
        assertThat(payloadErrors("MEDIA_PLAYBACK_STOPPED", p -> p.put("media_user_interaction_percentage", 30.0)))
                .hasSize(1);
    }

    @Test
    void floatsMustBeNumbers() {
        assertThat(payloadErrors("SALE", p -> p.put("value", "200.0")))
                .containsExactly(tuple("INVALID_FORMAT", "$.body.payload.value", "Must be an amount from 0 to 999999999999.99."));
        assertThat(payloadErrors("SALE", p -> p.put("value", 200))).isEmpty();
    }

    @Test
    void booleansMustBeBooleans() {
        assertThat(payloadErrors("CONVERSION", p -> p.put("available_for_mailing", "true")))
                .containsExactly(tuple("INVALID_FORMAT", "$.body.payload.available_for_mailing", "Must be true or false."));
        assertThat(payloadErrors("MEDIA_PLAYBACK_STARTED", p -> p.put("media_recorded_content", 1))).hasSize(1);
    }

    @Test
    void timestampsMustBeRfc3339() {
        assertThat(payloadErrors("CALL_FINISHED", p -> p.put("call_started_at", "2019-03-15 14:53")))
                .extracting(t -> t.toList().get(1)).containsExactly("$.body.payload.call_started_at");
        assertThat(payloadErrors("CALL_FINISHED", p -> p.put("call_started_at", "2019-03-15T14:53:42"))).hasSize(1);
        assertThat(payloadErrors("CALL_FINISHED", p -> p.put("call_started_at", "2019-02-30T14:53:42Z"))).hasSize(1);
        assertThat(payloadErrors("MEDIA_PLAYBACK_STARTED", p -> p.put("media_published_date_timestamp", 1552661622)))
                .hasSize(1);
        assertThat(payloadErrors("MEDIA_PLAYBACK_STOPPED",
                p -> p.put("media_user_interaction_date_timestamp", "yesterday"))).hasSize(1);
        assertThat(payloadErrors("CALL_FINISHED", p -> p.put("call_started_at", "2019-03-15T15:00:00.05Z"))).isEmpty();
        assertThat(payloadErrors("CALL_FINISHED", p -> p.put("call_started_at", "2019-03-15T12:00:00-03:00"))).isEmpty();
    }

    @Test
    void emailsMustLookLikeEmails() {
        assertThat(payloadErrors("SALE", p -> p.put("email", "maria at example.com")))
                .containsExactly(tuple("INVALID_FORMAT", "$.body.payload.email", "Must be an email address."));
        assertThat(payloadErrors("SALE", p -> p.put("email", "maria@localhost"))).hasSize(1);
        assertThat(payloadErrors("CALL_FINISHED", p -> p.put("call_user_email", "not-an-email"))).hasSize(1);
        assertThat(payloadErrors("SALE", p -> p.put("email", "maria.silva+loja@exemplo.com.br"))).isEmpty();
    }

    @Test
    void stringsMustBeStrings() {
        assertThat(payloadErrors("ORDER_PLACED_ITEM", p -> p.put("cf_order_product_id", 123)))
                .containsExactly(tuple("INVALID_FORMAT", "$.body.payload.cf_order_product_id", "Must be a string."));
    }

    @Test
    void tagsMustBeAnArrayOfStrings() {
        assertThat(payloadErrors("CONVERSION", p -> p.put("tags", "mql"))).hasSize(1);
        assertThat(payloadErrors("CONVERSION", p -> p.putArray("tags").add("mql").add(2019)))
                .containsExactly(tuple("INVALID_FORMAT", "$.body.payload.tags[1]", "Must be a string."));
    }

    @Test
    void paymentMethodMustBeOneOfRdsFour() {
        List<RdError> errors = errorsOf("ORDER_PLACED",
                e -> ((ObjectNode) e.get("payload")).put("cf_order_payment_method", "Pix"));
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.errorType()).isEqualTo("INVALID_OPTION");
            assertThat(error.path()).isEqualTo("$.body.payload.cf_order_payment_method");
            assertThat(error.validationRules())
                    .isEqualTo(Map.of("valid_options", List.of("Credit Card", "Debit Card", "Invoice", "Others")));
        });
    }

    @Test
    void legalBasesFollowRdsRules() {
        assertThat(legalBasisErrors("{\"category\":\"marketing\",\"type\":\"consent\",\"status\":\"granted\"}"))
                .containsExactly(tuple("INVALID_OPTION", "$.body.payload.legal_bases[0].category"));
        assertThat(legalBasisErrors("{\"category\":\"communications\",\"type\":\"contract\",\"status\":\"granted\"}"))
                .containsExactly(tuple("INVALID_OPTION", "$.body.payload.legal_bases[0].type"));
        assertThat(legalBasisErrors("{\"category\":\"data_processing\",\"type\":\"consent\",\"status\":\"declined\"}"))
                .containsExactly(tuple("INVALID_OPTION", "$.body.payload.legal_bases[0].status"));
        assertThat(legalBasisErrors("{\"category\":\"communications\",\"type\":\"consent\",\"status\":\"revoked\"}"))
                .containsExactly(tuple("INVALID_OPTION", "$.body.payload.legal_bases[0].status"));
        assertThat(legalBasisErrors("{\"category\":\"communications\",\"type\":\"consent\"}"))
                .containsExactly(tuple("CANNOT_BE_NULL", "$.body.payload.legal_bases[0].status"));
        assertThat(legalBasisErrors("{\"type\":\"consent\"}"))
                .containsExactly(tuple("CANNOT_BE_NULL", "$.body.payload.legal_bases[0].category"));
        assertThat(legalBasisErrors("{\"category\":\"data_processing\",\"type\":\"consent\",\"status\":\"granted\"}"))
                .isEmpty();
        assertThat(legalBasisErrors("{\"category\":\"data_processing\",\"type\":\"vital_interest\"}")).isEmpty();
        assertThat(payloadErrors("ORDER_PLACED", p -> p.put("legal_bases", "consent"))).hasSize(1);
    }

    @Test
    void unknownFieldsAreRefusedButConversionTakesCustomFields() {
        assertThat(payloadErrors("SALE", p -> p.put("amount", 10)))
                .containsExactly(tuple("INVALID_FIELDS", "$.body.payload.amount", "Not a field of SALE."));
        assertThat(payloadErrors("CONVERSION", p -> p.put("cf_plan", "gold"))).isEmpty();
        assertThat(payloadErrors("CONVERSION", p -> p.put("cf_plan", 3)))
                .containsExactly(tuple("INVALID_FORMAT", "$.body.payload.cf_plan", "Must be a string."));
        assertThat(errorsOf("SALE", e -> e.put("source", "x")))
                .extracting(RdError::errorType, RdError::path).containsExactly(tuple("INVALID_FIELDS", "$.body.source"));
    }

    @Test
    void pathsFollowTheBatchIndex() {
        ObjectNode event = (ObjectNode) Fixtures.json("rd/examples/SALE.json");
        ((ObjectNode) event.get("payload")).remove("email");
        assertThat(EventValidator.validate(event, "$.body[2]")).extracting(RdError::path)
                .containsExactly("$.body[2].payload.email");
    }

    private static List<RdError> errorsOf(String type, Consumer<ObjectNode> change) {
        ObjectNode event = (ObjectNode) Fixtures.json("rd/examples/" + type + ".json");
        change.accept(event);
        return EventValidator.validate(event, "$.body");
    }

    private static List<org.assertj.core.groups.Tuple> payloadErrors(String type, Consumer<ObjectNode> change) {
        return errorsOf(type, e -> change.accept((ObjectNode) e.get("payload"))).stream()
                .map(e -> tuple(e.errorType(), e.path(), e.errorMessage())).toList();
    }

    private static List<org.assertj.core.groups.Tuple> legalBasisErrors(String basis) {
        return errorsOf("ORDER_PLACED", e -> {
            ArrayNode bases = ((ObjectNode) e.get("payload")).putArray("legal_bases");
            bases.add(Fixtures.parse(basis));
        }).stream().map(e -> tuple(e.errorType(), e.path())).toList();
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
