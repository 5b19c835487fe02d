package dev.ponte.vendors.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.mapping.MappingResult;
import dev.ponte.rd.EcommerceFamily;
import dev.ponte.rd.validation.EventValidator;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.Webhooks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** WooCommerce's orders in RD's current e-commerce family: every stage an order has reached, each its own delivery. */
class WooStagesTest {

    private final WooCommerceMapper mapper = WooCommerceMapperTest.mapper(EcommerceFamily.CURRENT);

    @ParameterizedTest
    @CsvSource({
        "order.created, order-created, order-727:placed;order-727:paid",
        "order.updated, order-updated, order-723:placed;order-723:paid;order-723:fulfilled;order-723:refund-726;order-723:refund-724"})
    void everyStageTheOrderReachedBecomesItsOwnDelivery(String topic, String fixture, String keys) {
        MappingResult.Several several = (MappingResult.Several) mapper.map(WooCommerceMapperTest.delivery(topic,
                fixture + ".json"));
        assertThat(several.deliveries()).extracting(MappingResult.Mapped::deliveryId)
                .containsExactly(keys.split(";"));
        // Read back as RD reads it: WooCommerce's whole-number prices (3) are numbers either way.
        assertThat(Fixtures.parse(WooCommerceMapperTest.deliveries(several).toString()))
                .isEqualTo(Fixtures.json("vendors/woocommerce/" + fixture + ".current.expected.json"));
        several.deliveries().forEach(d -> d.events().forEach(e -> assertThat(EventValidator.validate(e)).isEmpty()));
    }

    @ParameterizedTest
    @CsvSource({"cancelled, other", "failed, declined"})
    void aCancelledOrFailedOrderIsCancelledWithTheReasonAndLost(String status, String reason) {
        String body = Fixtures.text("vendors/woocommerce/order-created.json")
                .replace("\"status\": \"processing\"", "\"status\": \"" + status + "\"")
                .replace("\"date_paid\": \"2017-03-22T16:28:08\"", "\"date_paid\": null");
        MappingResult.Several several = (MappingResult.Several) mapper.map(Webhooks.of("woocommerce",
                Map.of("X-WC-Webhook-Topic", "order.updated"), body));
        assertThat(several.deliveries()).extracting(MappingResult.Mapped::deliveryId)
                .containsExactly("order-727:placed", "order-727:cancelled");
        var cancelled = several.deliveries().get(1).events();
        assertThat(cancelled).extracting(e -> e.eventType().name())
                .containsExactly("ECOMMERCE_ORDER_CANCELLED", "OPPORTUNITY_LOST");
        assertThat(dev.ponte.rd.events.RdJson.tree(cancelled.get(0)).at("/payload/cancel_reason").asText()).isEqualTo(reason);
    }

    @Test
    void trackingFromTheShipmentTrackingExtensionTravelsWithTheFulfilledOrder() {
        String body = Fixtures.text("vendors/woocommerce/order-updated.json").replaceFirst("\"meta_data\": \\[",
                "\"meta_data\": [{\"id\":13100,\"key\":\"_wc_shipment_tracking_items\",\"value\":[{\"tracking_provider\":\"\","
                        + "\"custom_tracking_provider\":\"Correios\",\"custom_tracking_link\":\"https://rastreamento.correios.com.br/app/index.php?objeto=QB123456789BR\","
                        + "\"tracking_number\":\"QB123456789BR\",\"date_shipped\":\"1490227200\",\"tracking_id\":\"a1b2\"}]},");
        MappingResult.Several several = (MappingResult.Several) mapper.map(Webhooks.of("woocommerce",
                Map.of("X-WC-Webhook-Topic", "order.updated"), body));
        var fulfilled = dev.ponte.rd.events.RdJson.tree(several.deliveries().get(2).events().get(0)).get("payload");
        assertThat(fulfilled.get("tracking_company").asText()).isEqualTo("Correios");
        assertThat(fulfilled.get("tracking_code").asText()).isEqualTo("QB123456789BR");
        assertThat(fulfilled.get("tracking_url").asText()).startsWith("https://rastreamento.correios.com.br/");
    }

    @Test
    void aCheckoutDraftIsNotAnOrderYet() {
        String draft = Fixtures.text("vendors/woocommerce/order-created.json")
                .replace("\"status\": \"processing\"", "\"status\": \"checkout-draft\"");
        assertThat(mapper.map(Webhooks.of("woocommerce", Map.of("X-WC-Webhook-Topic", "order.created"), draft)))
                .isInstanceOf(MappingResult.Ignored.class);
    }

    @Test
    void productNamesAreTextNotHtml() {
        assertThat(WooStages.plain("Ship Your Idea &ndash; Color: Black &amp; White &#8211; M&#x27;s"))
                .isEqualTo("Ship Your Idea – Color: Black & White – M's");
        assertThat(List.of(WooStages.plain("Caf&eacute;"))).containsExactly("Caf&eacute;");
    }
}
