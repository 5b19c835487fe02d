package dev.ponte.vendors.nuvemshop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.ponte.mapping.MappingResult;
import dev.ponte.mapping.VendorJson;
import dev.ponte.rd.events.RdJson;
import dev.ponte.rd.validation.EventValidator;
import dev.ponte.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Nuvemshop's orders in RD's current e-commerce family: whatever order webhook names it, the order
 * read back from the API becomes every stage it has reached, each its own delivery.
 */
class NuvemshopStagesTest {

    private final NuvemshopStages stages = new NuvemshopStages(new NuvemshopMapperTest.Config("secret"));

    @ParameterizedTest
    @CsvSource({
        "order/created, order-450789469, order-450789469:placed",
        "order/fulfilled, order-450789469-shipped, order-450789469:placed;order-450789469:fulfilled",
        "order/cancelled, order-450789469-cancelled, order-450789469:placed;order-450789469:cancelled",
        "order/updated, order-450789469-paid-delivered, order-450789469:placed;order-450789469:paid;order-450789469:fulfilled;order-450789469:delivered",
        "order/updated, order-450789469-refunded, order-450789469:placed;order-450789469:paid;order-450789469:refunded"})
    void everyStageTheOrderReachedBecomesItsOwnDelivery(String event, String order, String keys) {
        MappingResult.Several several = (MappingResult.Several) stages.map(event, order(order));
        assertThat(several.deliveries()).extracting(MappingResult.Mapped::deliveryId).containsExactly(keys.split(";"));
        ArrayNode all = RdJson.mapper().createArrayNode();
        several.deliveries().forEach(d -> all.add(RdJson.tree(d.events())));
        assertThat(Fixtures.parse(all.toString()))
                .isEqualTo(Fixtures.json("vendors/nuvemshop/" + order + ".current.expected.json"));
        several.deliveries().forEach(d -> d.events().forEach(e -> assertThat(EventValidator.validate(e)).isEmpty()));
    }

    /**
     * The documentation's example order, and two of its later states: paid and delivered, and
     * refunded (only {@code payment_status} and {@code shipping_status} changed).
     */
    private static NuvemshopOrder order(String name) {
        String text = switch (name) {
            case "order-450789469" -> Fixtures.text("sandbox/nuvemshop/order-450789469.json");
            case "order-450789469-paid-delivered" -> Fixtures.text("sandbox/nuvemshop/order-450789469.json")
                    .replace("\"payment_status\": \"pending\"", "\"payment_status\": \"paid\"")
                    .replace("\"shipping_status\": \"unshipped\"", "\"shipping_status\": \"delivered\"");
            case "order-450789469-refunded" -> Fixtures.text("sandbox/nuvemshop/order-450789469.json")
                    .replace("\"payment_status\": \"pending\"", "\"payment_status\": \"refunded\"");
            default -> Fixtures.text("vendors/nuvemshop/" + name + ".json");
        };
        return VendorJson.read(text.getBytes(StandardCharsets.UTF_8), NuvemshopOrder.class);
    }
}
