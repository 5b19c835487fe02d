package dev.ponte.rd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.ponte.rd.events.ConversionPayloadBuilder;
import dev.ponte.rd.events.EventType;
import dev.ponte.rd.events.OrderPlacedPayloadBuilder;
import dev.ponte.rd.events.RdEvent;
import dev.ponte.rd.events.RdJson;
import dev.ponte.rd.events.SalePayloadBuilder;
import dev.ponte.rd.validation.EventSchemas;
import dev.ponte.testing.Fixtures;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventModelTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eachRecordHasExactlyTheDocumentedFields(EventType type) {
        var naming = (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;
        List<String> recordFields = Arrays.stream(type.payloadType().getRecordComponents())
                .map(c -> naming.translate(c.getName()))
                .filter(name -> !name.equals("custom_fields"))
                .toList();
        assertThat(recordFields).containsExactlyInAnyOrderElementsOf(EventSchemas.fieldNames(type));
    }

    @Test
    void theLineItemRecordHasExactlyTheFieldsRdsClientChecks() {
        var naming = (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;
        assertThat(Arrays.stream(dev.ponte.rd.events.EcommerceLineItem.class.getRecordComponents())
                .map(c -> naming.translate(c.getName())).toList())
                .containsExactlyInAnyOrderElementsOf(EventSchemas.lineItemFieldNames());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eachDocumentedExampleSurvivesTheTypedModelUnchanged(EventType type) {
        JsonNode example = Fixtures.json("rd/examples/" + type + ".json");
        RdEvent event = RdJson.event(example);
        assertThat(event.eventType()).isEqualTo(type);
        assertThat(RdJson.tree(event)).isEqualTo(example);
    }

    @Test
    void decimalsAreWrittenAsGiven() {
        RdEvent sale = RdEvent.of(SalePayloadBuilder.builder()
                .email("maria@example.com")
                .funnelName("default")
                .value(new BigDecimal("200.0"))
                .build());
        assertThat(RdJson.string(sale)).isEqualTo(
                "{\"event_type\":\"SALE\",\"event_family\":\"CDP\",\"payload\":{\"email\":\"maria@example.com\","
                        + "\"funnel_name\":\"default\",\"value\":200.0}}");
    }

    @Test
    void absentFieldsAreLeftOut() {
        RdEvent order = RdEvent.of(OrderPlacedPayloadBuilder.builder()
                .email("maria@example.com")
                .cfOrderId("1001")
                .cfOrderTotalItems(2)
                .cfOrderStatus("pending")
                .cfOrderPaymentMethod("Invoice")
                .cfOrderPaymentAmount(new BigDecimal("40.20"))
                .build());
        assertThat(RdJson.tree(order).get("payload").fieldNames()).toIterable()
                .containsExactly("email", "cf_order_id", "cf_order_total_items", "cf_order_status",
                        "cf_order_payment_method", "cf_order_payment_amount");
    }

    @Test
    void conversionCustomFieldsTravelFlat() {
        RdEvent conversion = RdEvent.of(ConversionPayloadBuilder.builder()
                .conversionIdentifier("newsletter")
                .email("maria@example.com")
                .customFields(Map.of("cf_plan", "gold"))
                .build());
        JsonNode payload = RdJson.tree(conversion).get("payload");
        assertThat(payload.get("cf_plan").asText()).isEqualTo("gold");
        assertThat(payload.has("custom_fields")).isFalse();
    }
}
