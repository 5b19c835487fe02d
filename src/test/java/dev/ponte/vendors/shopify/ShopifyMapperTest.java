package dev.ponte.vendors.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponte.contacts.ContactDirectory;
import dev.ponte.mapping.MalformedPayload;
import dev.ponte.mapping.Storefront;
import dev.ponte.rd.EcommerceFamily;
import dev.ponte.testing.TestState;
import java.time.Duration;
import dev.ponte.mapping.MappingResult;
import dev.ponte.mapping.Signatures;
import dev.ponte.mapping.Webhook;
import dev.ponte.rd.events.RdJson;
import dev.ponte.rd.validation.EventValidator;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.VendorSettingsStub;
import dev.ponte.testing.Webhooks;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShopifyMapperTest {

    static final String SECRET = "shpss_test_client_secret";

    static class Config extends VendorSettingsStub implements ShopifyConfig {
        Config(String secret, String legalBases) {
            super(secret, legalBases);
        }
    }

    /** The legacy family: what this class checks. {@link ShopifyStagesTest} checks the current one. */
    private final ShopifyMapper mapper = mapper(new Config(SECRET, null), EcommerceFamily.LEGACY);

    static ShopifyMapper mapper(ShopifyConfig config, EcommerceFamily family) {
        return mapper(config, family, new ContactDirectory(TestState.store()));
    }

    static ShopifyMapper mapper(ShopifyConfig config, EcommerceFamily family, ContactDirectory contacts) {
        return new ShopifyMapper(config, new Storefront(family, Duration.ofHours(1)), contacts);
    }

    /** A delivery as Shopify sends it: the fixture's bytes, signed with the app secret. */
    static Webhook delivery(String topic, String fixture) {
        return signed(topic, Fixtures.text("vendors/shopify/" + fixture));
    }

    static Webhook signed(String topic, String body) {
        return Webhooks.of("shopify", Map.of(
                "X-Shopify-Topic", topic,
                "X-Shopify-Webhook-Id", "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043",
                "X-Shopify-Hmac-Sha256", Signatures.base64(Signatures.Algorithm.SHA256, SECRET,
                        body.getBytes(StandardCharsets.UTF_8))), body);
    }

    @ParameterizedTest
    @CsvSource({
        "orders/create, orders-create",
        "orders/paid, orders-paid",
        "orders/cancelled, orders-cancelled",
        "checkouts/create, checkouts-create",
        "checkouts/update, checkouts-create"})
    void eachTopicBecomesExactlyTheseRdEvents(String topic, String fixture) {
        MappingResult result = mapper.map(delivery(topic, fixture + ".json"));

        assertThat(result).isInstanceOfSatisfying(MappingResult.Mapped.class, mapped -> {
            assertThat(mapped.topic()).isEqualTo(topic);
            assertThat(mapped.deliveryId()).isEqualTo("b54557e4-bdd9-4b37-8a5f-bf7d70bcd043");
            assertThat(RdJson.tree(mapped.events())).isEqualTo(Fixtures.json("vendors/shopify/" + fixture + ".legacy.expected.json"));
            mapped.events().forEach(event -> assertThat(EventValidator.validate(event)).isEmpty());
        });
    }

    @Test
    void anUnpaidOrderIsAlsoAnOpportunity() {
        String pending = Fixtures.text("vendors/shopify/orders-create.json")
                .replace("\"financial_status\":\"voided\"", "\"financial_status\":\"pending\"")
                .replace("\"cancelled_at\":\"2024-06-26T12:33:21-04:00\"", "\"cancelled_at\":null");
        MappingResult.Mapped mapped = (MappingResult.Mapped) mapper.map(Webhooks.of("shopify",
                Map.of("X-Shopify-Topic", "orders/create"), pending));
        assertThat(RdJson.tree(mapped.events().get(3))).isEqualTo(Fixtures.parse(
                "{\"event_type\":\"OPPORTUNITY\",\"event_family\":\"CDP\",\"payload\":{\"email\":\"jon@example.com\",\"funnel_name\":\"default\"}}"));
    }

    @Test
    void configuredLegalBasesApplyWhenTheBuyerGaveNone() {
        ShopifyMapper withDefaults = mapper(new Config(SECRET, "data_processing:legitimate_interest"),
                EcommerceFamily.LEGACY);
        MappingResult.Mapped mapped = (MappingResult.Mapped) withDefaults.map(delivery("checkouts/create", "checkouts-create.json"));
        assertThat(RdJson.tree(mapped.events().get(0)).path("payload").path("legal_bases")).isEqualTo(
                Fixtures.parse("[{\"category\":\"data_processing\",\"type\":\"legitimate_interest\"}]"));
    }

    @Test
    void aCompletedCheckoutIsNotAnAbandonedCart() {
        String completed = Fixtures.text("vendors/shopify/checkouts-create.json")
                .replace("\"completed_at\":null", "\"completed_at\":\"2012-10-12T07:15:00-04:00\"");
        assertThat(mapper.map(Webhooks.of("shopify", Map.of("X-Shopify-Topic", "checkouts/update"), completed)))
                .isInstanceOf(MappingResult.Ignored.class);
    }

    @Test
    void otherTopicsAreAcknowledgedAndIgnored() {
        assertThat(mapper.map(Webhooks.of("shopify", Map.of("X-Shopify-Topic", "products/update"), "{}")))
                .isInstanceOfSatisfying(MappingResult.Ignored.class, i -> assertThat(i.topic()).isEqualTo("products/update"));
    }

    @Test
    void aBodyThatIsNotAnOrderIsMalformed() {
        assertThatThrownBy(() -> mapper.map(Webhooks.of("shopify", Map.of("X-Shopify-Topic", "orders/create"), "[1,2")))
                .isInstanceOf(MalformedPayload.class);
        assertThatThrownBy(() -> mapper.map(Webhooks.of("shopify", Map.of(), "{}")))
                .isInstanceOf(MalformedPayload.class).hasMessageContaining("X-Shopify-Topic");
    }

    @Test
    void aGenuineSignatureIsAccepted() {
        assertThat(mapper.verify(delivery("orders/create", "orders-create.json")).genuine()).isTrue();
    }

    @Test
    void aSignatureWithAnotherSecretIsRefused() {
        Webhook genuine = delivery("orders/create", "orders-create.json");
        ShopifyMapper otherSecret = mapper(new Config("another-secret", null), EcommerceFamily.LEGACY);
        assertThat(otherSecret.verify(genuine).problem())
                .isEqualTo("X-Shopify-Hmac-Sha256 does not match the body signed with PONTE_VENDORS_SHOPIFY_SECRET.");
    }

    @Test
    void aTamperedBodyIsRefused() {
        Webhook genuine = delivery("orders/paid", "orders-paid.json");
        Webhook tampered = Webhooks.of("shopify", genuine.headers(), genuine.bodyText().replace("1575.90", "1.00"));
        assertThat(mapper.verify(tampered).genuine()).isFalse();
    }

    @Test
    void aMissingSignatureIsRefused() {
        assertThat(mapper.verify(Webhooks.of("shopify", Map.of("X-Shopify-Topic", "orders/create"), "{}")).problem())
                .isEqualTo("The X-Shopify-Hmac-Sha256 header is missing.");
        assertThat(mapper.verify(Webhooks.of("shopify", Map.of("X-Shopify-Hmac-Sha256", "not base64!"), "{}")).genuine())
                .isFalse();
    }

    @Test
    void aTopicTheSignedBodyDisagreesWithIsIgnoredWithTheReason() {
        // Shopify's test notification: the voided sample, sent under every orders/* topic.
        MappingResult paid = mapper.map(delivery("orders/paid", "orders-create.json"));
        assertThat(paid).isInstanceOf(MappingResult.Ignored.class);
        assertThat(((MappingResult.Ignored) paid).why()).contains("financial_status is voided, not paid");

        MappingResult cancelled = mapper.map(delivery("orders/cancelled", "orders-paid.json"));
        assertThat(((MappingResult.Ignored) cancelled).why()).contains("no cancelled_at");
    }

    @Test
    void everyFixtureMapsToEventsRdAccepts() {
        for (String topic : List.of("orders/create", "orders/paid", "orders/cancelled")) {
            MappingResult.Mapped mapped = (MappingResult.Mapped) mapper.map(delivery(topic,
                    topic.replace('/', '-') + ".json"));
            assertThat(mapped.events()).allSatisfy(e -> assertThat(EventValidator.validate(e)).isEmpty());
        }
    }
}
