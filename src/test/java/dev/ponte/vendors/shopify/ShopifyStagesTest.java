package dev.ponte.vendors.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.contacts.ContactDirectory;
import dev.ponte.delivery.state.StateStore;
import dev.ponte.mapping.Deferred;
import dev.ponte.mapping.Fact;
import dev.ponte.mapping.MappingResult;
import dev.ponte.mapping.Webhook;
import dev.ponte.rd.EcommerceFamily;
import dev.ponte.rd.events.RdJson;
import dev.ponte.rd.validation.EventValidator;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.TestState;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Shopify's topics in RD's current e-commerce family: each stage its own delivery, field by field. */
class ShopifyStagesTest {

    private static final String ORDER = "820982911946154508";

    private final StateStore store = TestState.store();
    private final ShopifyMapper mapper = ShopifyMapperTest.mapper(new ShopifyMapperTest.Config(ShopifyMapperTest.SECRET,
            null), EcommerceFamily.CURRENT, new ContactDirectory(store));

    @ParameterizedTest
    @CsvSource({
        "orders/create, orders-create, order-820982911946154508:placed",
        "orders/paid, orders-paid, order-820982911946154508:paid",
        "orders/cancelled, orders-cancelled, order-820982911946154508:cancelled",
        "checkouts/create, checkouts-create, checkout-2a1ace52255252df566af0faaedfbfa7:started",
        "fulfillments/create, fulfillments-create, fulfillment-123456:fulfilled"})
    void eachStageBecomesExactlyTheseRdEvents(String topic, String fixture, String deliveryId) {
        MappingResult.Mapped mapped = mapped(topic, fixture);
        assertThat(mapped.deliveryId()).isEqualTo(deliveryId);
        assertThat(RdJson.tree(mapped.events())).isEqualTo(expected(fixture + ".current"));
        mapped.events().forEach(event -> assertThat(EventValidator.validate(event)).isEmpty());
    }

    @Test
    void anOrderTeachesItsBuyerForTheNewsThatNamesOnlyTheOrder() {
        assertThat(mapped("orders/create", "orders-create").facts()).extracting(Fact::key, Fact::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("contact-order:shopify:" + ORDER, "jon@example.com"));
    }

    @Test
    void aCheckoutStartsOnceAndWaitsToBeAbandoned() {
        for (String topic : List.of("checkouts/create", "checkouts/update")) {
            MappingResult.Mapped mapped = mapped(topic, "checkouts-create");
            assertThat(mapped.deliveryId()).isEqualTo("checkout-2a1ace52255252df566af0faaedfbfa7:started");
            assertThat(mapped.deferred()).singleElement().isInstanceOfSatisfying(Deferred.Send.class, send -> {
                assertThat(send.name()).isEqualTo("checkout-2a1ace52255252df566af0faaedfbfa7:abandoned");
                assertThat(send.after()).isEqualTo(Duration.ofHours(1));
                assertThat(send.deliveryId()).isEqualTo("checkout-2a1ace52255252df566af0faaedfbfa7:abandoned");
                assertThat(RdJson.tree(send.events())).isEqualTo(expected("checkouts-create.abandoned"));
                send.events().forEach(event -> assertThat(EventValidator.validate(event)).isEmpty());
            });
        }
    }

    @Test
    void aCompletedCheckoutOnlyEndsItsWait() {
        String completed = Fixtures.text("vendors/shopify/checkouts-create.json")
                .replace("\"completed_at\":null", "\"completed_at\":\"2012-10-12T07:15:00-04:00\"");
        MappingResult.Mapped mapped = (MappingResult.Mapped) mapper.map(ShopifyMapperTest.signed("checkouts/update", completed));
        assertThat(mapped.events()).isEmpty();
        assertThat(mapped.deferred()).containsExactly(
                new Deferred.Cancel("checkout-2a1ace52255252df566af0faaedfbfa7:abandoned"));
    }

    @Test
    void anOrderEndsTheWaitOfTheCheckoutItCameFrom() {
        String fromCheckout = Fixtures.text("vendors/shopify/orders-create.json")
                .replace("\"checkout_token\":null", "\"checkout_token\":\"2a1ace52255252df566af0faaedfbfa7\"");
        for (String topic : List.of("orders/create", "orders/paid", "orders/cancelled")) {
            String body = topic.equals("orders/paid") ? fromCheckout.replace("\"financial_status\":\"voided\"",
                    "\"financial_status\":\"paid\"") : fromCheckout;
            MappingResult.Mapped mapped = (MappingResult.Mapped) mapper.map(ShopifyMapperTest.signed(topic, body));
            assertThat(mapped.deferred()).as(topic).containsExactly(
                    new Deferred.Cancel("checkout-2a1ace52255252df566af0faaedfbfa7:abandoned"));
        }
    }

    @Test
    void aShipmentTheCarrierDeliveredIsAlsoDelivered() {
        String delivered = Fixtures.text("vendors/shopify/fulfillments-create.json")
                .replace("\"shipment_status\": null", "\"shipment_status\": \"delivered\"");
        MappingResult result = mapper.map(ShopifyMapperTest.signed("fulfillments/update", delivered));
        assertThat(result).isInstanceOfSatisfying(MappingResult.Several.class, several -> {
            assertThat(several.deliveries()).extracting(MappingResult.Mapped::deliveryId)
                    .containsExactly("fulfillment-123456:fulfilled", "fulfillment-123456:delivered");
            assertThat(RdJson.tree(several.deliveries().get(1).events())).isEqualTo(Fixtures.parse(
                    "[{\"event_type\":\"ECOMMERCE_SHIPMENT_DELIVERED\",\"event_family\":\"CDP\",\"payload\":{"
                            + "\"email\":\"jon@example.com\",\"identifier\":\"123456\",\"order_identifier\":\"" + ORDER
                            + "\"}}]"));
        });
    }

    @Test
    void aCarriersDeliveryNewsNamesOnlyTheOrderSoItsBuyerComesFromTheOrder() {
        String news = Fixtures.text("vendors/shopify/fulfillment-events-create.json");
        assertThat(mapper.map(ShopifyMapperTest.signed("fulfillment_events/create", news)))
                .isInstanceOfSatisfying(MappingResult.Ignored.class, i -> assertThat(i.why()).contains("in_transit"));

        String delivered = news.replace("\"status\": \"in_transit\"", "\"status\": \"delivered\"");
        assertThat(mapper.map(ShopifyMapperTest.signed("fulfillment_events/create", delivered)))
                .isInstanceOfSatisfying(MappingResult.Unresolved.class, unresolved -> {
                    assertThat(unresolved.deliveryId()).isEqualTo("fulfillment-123456:delivered");
                    assertThat(unresolved.waitingFor()).isEqualTo("contact-order:shopify:" + ORDER);
                    assertThat(unresolved.reason()).contains("once it has delivered order " + ORDER);
                });

        knowOrder();
        MappingResult.Mapped mapped = (MappingResult.Mapped) mapper.map(ShopifyMapperTest.signed(
                "fulfillment_events/create", delivered));
        assertThat(mapped.deliveryId()).isEqualTo("fulfillment-123456:delivered");
        assertThat(RdJson.tree(mapped.events()).get(0).get("payload")).isEqualTo(Fixtures.parse(
                "{\"email\":\"jon@example.com\",\"identifier\":\"123456\",\"order_identifier\":\"" + ORDER + "\"}"));
    }

    @Test
    void aRefundBecomesRefundedOnceItsOrdersBuyerIsKnown() {
        String refund = Fixtures.text("vendors/shopify/refunds-create.json");
        assertThat(mapper.map(ShopifyMapperTest.signed("refunds/create", refund)))
                .isInstanceOfSatisfying(MappingResult.Unresolved.class, unresolved ->
                        assertThat(unresolved.waitingFor()).isEqualTo("contact-order:shopify:" + ORDER));
        knowOrder();
        MappingResult.Mapped mapped = (MappingResult.Mapped) mapper.map(ShopifyMapperTest.signed("refunds/create", refund));
        assertThat(mapped.deliveryId()).isEqualTo("order-" + ORDER + ":refund-890088186047892319");
        assertThat(RdJson.tree(mapped.events())).isEqualTo(Fixtures.parse(
                "[{\"event_type\":\"ECOMMERCE_ORDER_REFUNDED\",\"event_family\":\"CDP\",\"payload\":{"
                        + "\"email\":\"jon@example.com\",\"identifier\":\"" + ORDER + "\"}}]"));
    }

    @Test
    void moreThanTwentyLinesSendTheFirstTwentyAndTheWholeCount() {
        JsonNode order = Fixtures.json("vendors/shopify/orders-create.json");
        var lines = (com.fasterxml.jackson.databind.node.ArrayNode) order.get("line_items");
        JsonNode template = lines.get(0);
        lines.removeAll();
        IntStream.range(0, 25).forEach(i -> lines.add(((com.fasterxml.jackson.databind.node.ObjectNode) template.deepCopy())
                .put("product_id", 1000 + i).put("quantity", 2)));
        MappingResult.Mapped mapped = (MappingResult.Mapped) mapper.map(ShopifyMapperTest.signed("orders/create",
                order.toString()));
        JsonNode payload = RdJson.tree(mapped.events()).get(0).get("payload");
        assertThat(payload.get("line_items")).hasSize(20);
        assertThat(payload.get("line_items").get(19).get("product_id").asText()).isEqualTo("1019");
        assertThat(payload.get("total_items").asInt()).isEqualTo(50);
        assertThat(EventValidator.validate(mapped.events().get(0))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"customer, customer", "declined, declined", "fraud, fraud", "inventory, inventory", "staff, other",
        "other, other"})
    void shopifysCancelReasonsBecomeRdsFive(String shopify, String rd) {
        String body = Fixtures.text("vendors/shopify/orders-cancelled.json")
                .replace("\"cancel_reason\":\"customer\"", "\"cancel_reason\":\"" + shopify + "\"");
        MappingResult.Mapped mapped = (MappingResult.Mapped) mapper.map(ShopifyMapperTest.signed("orders/cancelled", body));
        assertThat(RdJson.tree(mapped.events()).get(0).at("/payload/cancel_reason").asText()).isEqualTo(rd);
    }

    @Test
    void onlyCommunicationsLegalBasesTravelInTheFamily() {
        ShopifyMapper withDefaults = ShopifyMapperTest.mapper(new ShopifyMapperTest.Config(ShopifyMapperTest.SECRET,
                "data_processing:legitimate_interest"), EcommerceFamily.CURRENT);
        String noMarketing = Fixtures.text("vendors/shopify/checkouts-create.json")
                .replace("\"buyer_accepts_marketing\":false", "\"buyer_accepts_marketing\":false");
        MappingResult.Mapped mapped = (MappingResult.Mapped) withDefaults.map(ShopifyMapperTest.signed("checkouts/create",
                noMarketing));
        assertThat(RdJson.tree(mapped.events()).get(0).get("payload").has("legal_bases")).isFalse();
        assertThat(EventValidator.validate(mapped.events().get(0))).isEmpty();
    }

    @Test
    void theWholeOrderFulfilledIsLeftToItsShipments() {
        assertThat(mapper.map(ShopifyMapperTest.delivery("orders/fulfilled", "orders-create.json")))
                .isInstanceOfSatisfying(MappingResult.Ignored.class, i -> assertThat(i.why()).contains("fulfillments/create"));
    }

    private void knowOrder() {
        Fact fact = ContactDirectory.order("shopify", ORDER, "jon@example.com");
        store.remember(fact.key(), fact.value(), fact.keep());
    }

    private MappingResult.Mapped mapped(String topic, String fixture) {
        MappingResult result = mapper.map(ShopifyMapperTest.delivery(topic, fixture + ".json"));
        assertThat(result).as("%s: %s", topic, result).isInstanceOf(MappingResult.Mapped.class);
        return (MappingResult.Mapped) result;
    }

    private static JsonNode expected(String name) {
        return Fixtures.json("vendors/shopify/" + name + ".expected.json");
    }
}
