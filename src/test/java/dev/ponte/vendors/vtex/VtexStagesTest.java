package dev.ponte.vendors.vtex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.ponte.mapping.MappingResult;
import dev.ponte.mapping.VendorJson;
import dev.ponte.rd.events.RdJson;
import dev.ponte.rd.validation.EventValidator;
import dev.ponte.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * VTEX's orders in RD's current e-commerce family: whatever state the hook names, the order read
 * back from OMS becomes every stage it has reached, each its own delivery.
 */
class VtexStagesTest {

    private final VtexStages stages = new VtexStages(VtexMapperTest.config());

    @ParameterizedTest
    @CsvSource({
        "handling, as-published, 1172452900788-01:placed;1172452900788-01:paid;1172452900788-01:refund-24382",
        "invoiced, shipped-and-delivered, 1172452900788-01:placed;1172452900788-01:paid;1172452900788-01-24382:fulfilled;1172452900788-01-24382:delivered",
        "canceled, canceled, 1172452900788-01:placed;1172452900788-01:cancelled"})
    void everyStageTheOrderReachedBecomesItsOwnDelivery(String state, String variant, String keys) {
        MappingResult.Several several = (MappingResult.Several) stages.map(state, order(variant));
        assertThat(several.deliveries()).extracting(MappingResult.Mapped::deliveryId).containsExactly(keys.split(";"));
        ArrayNode all = RdJson.mapper().createArrayNode();
        several.deliveries().forEach(d -> all.add(RdJson.tree(d.events())));
        assertThat(Fixtures.parse(all.toString()))
                .isEqualTo(Fixtures.json("vendors/vtex/order-1172452900788-01-" + variant + ".current.expected.json"));
        several.deliveries().forEach(d -> d.events().forEach(e -> assertThat(EventValidator.validate(e)).isEmpty()));
    }

    @Test
    void whoAskedForTheCancellationIsRdsReason() {
        assertThat(VtexStages.cancelReason(new VtexOrder.CancellationData(true, false, "Item size was too large.")))
                .isEqualTo("customer");
        assertThat(VtexStages.cancelReason(new VtexOrder.CancellationData(false, true, null))).isEqualTo("declined");
        assertThat(VtexStages.cancelReason(new VtexOrder.CancellationData(false, false, null))).isEqualTo("other");
        assertThat(VtexStages.cancelReason(null)).isEqualTo("other");
    }

    /**
     * VTEX's example order (status handling, one incoming invoice: a refund), and two of its
     * other states: that invoice outgoing (a shipment, which its carrier finished) on an invoiced
     * order, and the order canceled without invoices.
     */
    private static VtexOrder order(String variant) {
        String text = Fixtures.text("sandbox/vtex/order-1172452900788-01.json");
        text = switch (variant) {
            case "shipped-and-delivered" -> text.replace("\"status\": \"handling\"", "\"status\": \"invoiced\"")
                    .replace("\"type\": \"Input\"", "\"type\": \"Output\"");
            case "canceled" -> text.replace("\"status\": \"handling\"", "\"status\": \"canceled\"")
                    .replace("\"type\": \"Input\"", "\"type\": \"Output\"").replace("\"invoiceNumber\": \"24382\"",
                            "\"invoiceNumber\": \"\"");
            default -> text;
        };
        return VendorJson.readCamelCase(text.getBytes(StandardCharsets.UTF_8), VtexOrder.class);
    }
}
