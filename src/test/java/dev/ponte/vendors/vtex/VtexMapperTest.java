package dev.ponte.vendors.vtex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.ponte.mapping.MappingResult;
import dev.ponte.mapping.VendorJson;
import dev.ponte.rd.events.RdJson;
import dev.ponte.rd.validation.EventValidator;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.VendorSettingsStub;
import dev.ponte.testing.Webhooks;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VtexMapperTest {

    static final String HOOK_KEY = "vtex-hook-key";

    static class Config extends VendorSettingsStub implements VtexConfig {
        Config() {
            super(HOOK_KEY, null);
        }

        public String apiUrl() {
            return "http://unused";
        }

        public Optional<String> appKey() {
            return Optional.of("key");
        }

        public Optional<String> appToken() {
            return Optional.of("token");
        }

        public String hookHeader() {
            return "X-Ponte-Hook-Key";
        }
    }

    /** The legacy family: what this class checks. {@link VtexStagesTest} checks the current one. */
    private final VtexMapper mapper = new VtexMapper(new Config(), null,
            new dev.ponte.mapping.Storefront(dev.ponte.rd.EcommerceFamily.LEGACY, java.time.Duration.ofHours(1)));

    static Config config() {
        return new Config();
    }
    private final VtexOrder order = VendorJson.readCamelCase(
            Fixtures.text("sandbox/vtex/order-1172452900788-01.json").getBytes(StandardCharsets.UTF_8), VtexOrder.class);

    static VtexHook hook(String state) {
        VtexHook documented = VendorJson.readCamelCase(Fixtures.text("vendors/vtex/hook-ready-for-handling.json")
                .getBytes(StandardCharsets.UTF_8), VtexHook.class);
        return new VtexHook(documented.domain(), documented.orderId(), state, documented.lastState(),
                documented.lastChange(), documented.currentChange(), documented.origin());
    }

    static ArrayNode tree(List<MappingResult.Mapped> deliveries) {
        ArrayNode all = RdJson.mapper().createArrayNode();
        deliveries.forEach(d -> all.add(RdJson.tree(d.events())));
        return all;
    }

    @Test
    void aPaidStateGivesThePlacedOrderAndItsSaleEachKeyedOnce() {
        List<MappingResult.Mapped> deliveries = mapper.deliveries(hook("ready-for-handling"), order);

        assertThat(tree(deliveries)).isEqualTo(Fixtures.json("vendors/vtex/hook-ready-for-handling.legacy.expected.json"));
        assertThat(deliveries).extracting(MappingResult.Mapped::deliveryId)
                .containsExactly("v52277740atmc-01-created", "v52277740atmc-01-paid");
        deliveries.forEach(d -> d.events().forEach(e -> assertThat(EventValidator.validate(e)).isEmpty()));
    }

    @Test
    void aPendingPaymentIsAnOpportunityAndACancellationIsLost() {
        List<MappingResult.Mapped> pending = mapper.deliveries(hook("payment-pending"), order);
        assertThat(pending).singleElement().satisfies(d -> assertThat(RdJson.tree(d.events().get(2))).isEqualTo(Fixtures.parse(
                "{\"event_type\":\"OPPORTUNITY\",\"event_family\":\"CDP\",\"payload\":{\"email\":\"rodrigo.smith@email.com\",\"funnel_name\":\"default\"}}")));

        List<MappingResult.Mapped> canceled = mapper.deliveries(hook("canceled"), order);
        assertThat(canceled).singleElement().satisfies(d -> {
            assertThat(d.deliveryId()).isEqualTo("v52277740atmc-01-lost");
            assertThat(RdJson.tree(d.events())).isEqualTo(Fixtures.parse("[{\"event_type\":\"OPPORTUNITY_LOST\",\"event_family\":\"CDP\","
                    + "\"payload\":{\"email\":\"rodrigo.smith@email.com\",\"funnel_name\":\"default\",\"reason\":\"Item size was too large.\"}}]"));
        });
    }

    @Test
    void theHookKeyIsChecked() {
        String body = Fixtures.text("vendors/vtex/hook-ready-for-handling.json");
        assertThat(mapper.verify(Webhooks.of("vtex", Map.of("X-Ponte-Hook-Key", HOOK_KEY), body)).genuine()).isTrue();
        assertThat(mapper.verify(Webhooks.of("vtex", Map.of("X-Ponte-Hook-Key", "guess"), body)).genuine()).isFalse();
        assertThat(mapper.verify(Webhooks.of("vtex", Map.of(), body)).problem()).contains("X-Ponte-Hook-Key header is missing");
    }

    @Test
    void thePingIsAnsweredAndStatesWithoutAnEventAreAcknowledged() {
        assertThat(mapper.map(Webhooks.of("vtex", Map.of(), "{\"hookConfig\":\"ping\"}")))
                .isInstanceOfSatisfying(MappingResult.Reply.class, r -> assertThat(r.status()).isEqualTo(200));
        String windowToCancel = Fixtures.text("vendors/vtex/hook-ready-for-handling.json")
                .replace("\"ready-for-handling\"", "\"window-to-cancel\"");
        assertThat(mapper.map(Webhooks.of("vtex", Map.of(), windowToCancel))).isInstanceOf(MappingResult.Ignored.class);
    }
}
