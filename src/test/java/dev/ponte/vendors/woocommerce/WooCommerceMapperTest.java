package dev.ponte.vendors.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.ponte.mapping.MappingResult;
import dev.ponte.mapping.Signatures;
import dev.ponte.mapping.Webhook;
import dev.ponte.rd.events.RdJson;
import dev.ponte.rd.validation.EventValidator;
import dev.ponte.testing.Fixtures;
import dev.ponte.mapping.Storefront;
import dev.ponte.rd.EcommerceFamily;
import dev.ponte.testing.VendorSettingsStub;
import dev.ponte.testing.Webhooks;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WooCommerceMapperTest {

    static final String SECRET = "wc-webhook-secret";

    static class Config extends VendorSettingsStub implements WooCommerceConfig {
        Config(String secret) {
            super(secret, null);
        }
    }

    /** The legacy family: what this class checks. {@link WooStagesTest} checks the current one. */
    private final WooCommerceMapper mapper = mapper(EcommerceFamily.LEGACY);

    static WooCommerceMapper mapper(EcommerceFamily family) {
        return new WooCommerceMapper(new Config(SECRET), new Storefront(family, java.time.Duration.ofHours(1)));
    }

    static Webhook delivery(String topic, String fixture) {
        String body = Fixtures.text("vendors/woocommerce/" + fixture);
        return Webhooks.of("woocommerce", Map.of(
                "X-WC-Webhook-Topic", topic,
                "X-WC-Webhook-Resource", "order",
                "X-WC-Webhook-Delivery-ID", "36e520ebabc2fa725092ff4a47acedf2",
                "X-WC-Webhook-Signature", Signatures.base64(Signatures.Algorithm.SHA256, SECRET,
                        body.getBytes(StandardCharsets.UTF_8))), body);
    }

    /** Each delivery's events, as one JSON array per delivery. */
    static ArrayNode deliveries(MappingResult result) {
        List<MappingResult.Mapped> parts = result instanceof MappingResult.Several several
                ? several.deliveries() : List.of((MappingResult.Mapped) result);
        ArrayNode all = RdJson.mapper().createArrayNode();
        parts.forEach(part -> all.add(RdJson.tree(part.events())));
        return all;
    }

    @Test
    void aNewPaidOrderIsPlacedAndSoldInTwoDeliveries() {
        MappingResult result = mapper.map(delivery("order.created", "order-created.json"));

        assertThat(deliveries(result)).isEqualTo(Fixtures.json("vendors/woocommerce/order-created.legacy.expected.json"));
        assertThat(((MappingResult.Several) result).deliveries()).extracting(MappingResult.Mapped::deliveryId)
                .containsExactly("order-727-created", "order-727-paid");
    }

    @Test
    void aCompletedOrderUpdateIsTheSaleKeyedSoItCountsOnce() {
        MappingResult result = mapper.map(delivery("order.updated", "order-updated.json"));

        assertThat(deliveries(result)).isEqualTo(Fixtures.json("vendors/woocommerce/order-updated.legacy.expected.json"));
        assertThat(((MappingResult.Mapped) result).deliveryId()).isEqualTo("order-723-paid");
    }

    @Test
    void processingThenCompletedShareTheSaleKey() {
        String processing = Fixtures.text("vendors/woocommerce/order-updated.json").replace("\"completed\"", "\"processing\"");
        MappingResult.Mapped first = (MappingResult.Mapped) mapper.map(Webhooks.of("woocommerce",
                Map.of("X-WC-Webhook-Topic", "order.updated"), processing));
        MappingResult.Mapped second = (MappingResult.Mapped) mapper.map(delivery("order.updated", "order-updated.json"));
        assertThat(first.deliveryId()).isEqualTo(second.deliveryId());
    }

    @Test
    void anUnpaidOrderIsAnOpportunityAndACancelledOneIsLost() {
        String onHold = Fixtures.text("vendors/woocommerce/order-created.json").replace("\"processing\"", "\"on-hold\"");
        MappingResult.Several created = (MappingResult.Several) mapper.map(Webhooks.of("woocommerce",
                Map.of("X-WC-Webhook-Topic", "order.created"), onHold));
        assertThat(created.deliveries()).hasSize(1);
        assertThat(RdJson.tree(created.deliveries().get(0).events().get(3))).isEqualTo(Fixtures.parse(
                "{\"event_type\":\"OPPORTUNITY\",\"event_family\":\"CDP\",\"payload\":{\"email\":\"john.doe@example.com\",\"funnel_name\":\"default\"}}"));

        String cancelled = Fixtures.text("vendors/woocommerce/order-updated.json").replace("\"completed\"", "\"cancelled\"");
        MappingResult.Mapped lost = (MappingResult.Mapped) mapper.map(Webhooks.of("woocommerce",
                Map.of("X-WC-Webhook-Topic", "order.updated"), cancelled));
        assertThat(lost.deliveryId()).isEqualTo("order-723-lost");
        assertThat(RdJson.tree(lost.events())).isEqualTo(Fixtures.parse("[{\"event_type\":\"OPPORTUNITY_LOST\",\"event_family\":\"CDP\","
                + "\"payload\":{\"email\":\"joao.silva@example.com\",\"funnel_name\":\"default\",\"reason\":\"cancelled\"}}]"));
    }

    @Test
    void statusChangesWithoutAFunnelStepAreAcknowledged() {
        String pending = Fixtures.text("vendors/woocommerce/order-updated.json").replace("\"completed\"", "\"pending\"");
        assertThat(mapper.map(Webhooks.of("woocommerce", Map.of("X-WC-Webhook-Topic", "order.updated"), pending)))
                .isInstanceOf(MappingResult.Ignored.class);
        assertThat(mapper.map(Webhooks.of("woocommerce", Map.of("X-WC-Webhook-Topic", "product.updated"), "{}")))
                .isInstanceOf(MappingResult.Ignored.class);
    }

    @Test
    void theActivationPingIsAnsweredWithoutASignature() {
        Webhook ping = Webhooks.of("woocommerce", Map.of("Content-Type", "application/x-www-form-urlencoded"), "webhook_id=3");
        assertThat(mapper.verify(ping).genuine()).isTrue();
        assertThat(mapper.map(ping)).isInstanceOfSatisfying(MappingResult.Reply.class, r -> assertThat(r.status()).isEqualTo(200));
    }

    @Test
    void signaturesAreChecked() {
        Webhook genuine = delivery("order.created", "order-created.json");
        assertThat(mapper.verify(genuine).genuine()).isTrue();
        assertThat(new WooCommerceMapper(new Config("other"), new Storefront(EcommerceFamily.LEGACY,
                java.time.Duration.ofHours(1))).verify(genuine).genuine()).isFalse();
        assertThat(mapper.verify(Webhooks.of("woocommerce", genuine.headers(), genuine.bodyText().replace("29.35", "0.01")))
                .genuine()).isFalse();
        assertThat(mapper.verify(Webhooks.of("woocommerce", Map.of("X-WC-Webhook-Topic", "order.created"), "{}")).problem())
                .isEqualTo("The X-WC-Webhook-Signature header is missing.");
    }

    @Test
    void everyMappedEventIsOneRdAccepts() {
        for (MappingResult.Mapped part : ((MappingResult.Several) mapper.map(delivery("order.created", "order-created.json"))).deliveries()) {
            part.events().forEach(e -> assertThat(EventValidator.validate(e)).isEmpty());
        }
    }
}
