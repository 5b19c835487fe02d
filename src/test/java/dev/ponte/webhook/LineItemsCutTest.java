package dev.ponte.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.rd.events.EcommerceLineItem;
import dev.ponte.rd.events.EcommerceLineItemBuilder;
import dev.ponte.rd.events.EcommerceOrderPlacedPayloadBuilder;
import dev.ponte.rd.events.EventType;
import dev.ponte.rd.events.ListsLineItems;
import dev.ponte.rd.events.RdEvent;
import dev.ponte.rd.events.RdJson;
import dev.ponte.testing.Fixtures;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The edge's log line says when an order's lines were cut to the 20 RD takes. */
class LineItemsCutTest {

    @Test
    void anOrderWithMoreItemsThanItsTwentyLinesHoldIsNoted() {
        assertThat(EdgeLog.lineItemsCut(order(20, 27))).isEqualTo(
                "ECOMMERCE_ORDER_PLACED: the first 20 lines sent (20 of 27 items)");
    }

    @Test
    void anOrderWhoseLinesHoldAllItsItemsIsNot() {
        assertThat(EdgeLog.lineItemsCut(order(20, 20))).isNull();
        assertThat(EdgeLog.lineItemsCut(order(3, 3))).isNull();
        assertThat(EdgeLog.lineItemsCut(RdJson.event(Fixtures.json("rd/examples/ORDER_PLACED.json")))).isNull();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyPayloadWithLinesAndTheOrdersItemCountIsRead(EventType type) {
        List<String> components = Arrays.stream(type.payloadType().getRecordComponents()).map(RecordComponent::getName).toList();
        assertThat(ListsLineItems.class.isAssignableFrom(type.payloadType()))
                .isEqualTo(components.containsAll(List.of("lineItems", "totalItems")));
    }

    private static RdEvent order(int lines, int totalItems) {
        List<EcommerceLineItem> items = IntStream.range(0, lines).mapToObj(i -> EcommerceLineItemBuilder.builder()
                .productId("p" + i).productTitle("Produto " + i).price(BigDecimal.ONE).quantity(1).build()).toList();
        return RdEvent.of(EcommerceOrderPlacedPayloadBuilder.builder().email("maria@example.com").identifier("1001")
                .currency("BRL").price(BigDecimal.TEN).totalItems(totalItems).lineItems(items).build());
    }
}
