package dev.ponte.vendors.nuvemshop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.mapping.Signatures;
import dev.ponte.mapping.VendorJson;
import dev.ponte.mapping.Webhook;
import dev.ponte.rd.events.RdJson;
import dev.ponte.rd.validation.EventValidator;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.VendorSettingsStub;
import dev.ponte.testing.Webhooks;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The mapping itself, pure: the order as Nuvemshop's API documents it, the events RD must get. */
class NuvemshopMapperTest {

    static final String SECRET = "nuvemshop-app-secret";

    static class Config extends VendorSettingsStub implements NuvemshopConfig {
        Config(String secret) {
            super(secret, null);
        }

        public String apiUrl() {
            return "http://unused";
        }

        public Optional<String> accessToken() {
            return Optional.of("token");
        }

        public String userAgent() {
            return "Ponte tests";
        }
    }

    private final NuvemshopMapper mapper = new NuvemshopMapper(new Config(SECRET), null, new dev.ponte.mapping.Storefront(dev.ponte.rd.EcommerceFamily.LEGACY, java.time.Duration.ofHours(1)));
    private final NuvemshopOrder order = VendorJson.read(
            Fixtures.text("sandbox/nuvemshop/order-450789469.json").getBytes(StandardCharsets.UTF_8), NuvemshopOrder.class);

    @ParameterizedTest
    @ValueSource(strings = {"created", "paid", "cancelled"})
    void eachEventBecomesExactlyTheseRdEvents(String event) {
        var events = mapper.events("order/" + event, order);
        assertThat(RdJson.tree(events)).isEqualTo(Fixtures.json("vendors/nuvemshop/order-" + event + ".legacy.expected.json"));
        events.forEach(e -> assertThat(EventValidator.validate(e)).isEmpty());
    }

    static Webhook signed(String fixture, String secret) {
        String body = Fixtures.text("vendors/nuvemshop/" + fixture);
        return Webhooks.of("nuvemshop", Map.of("x-linkedstore-hmac-sha256",
                Signatures.hex(Signatures.Algorithm.SHA256, secret, body.getBytes(StandardCharsets.UTF_8))), body);
    }

    @Test
    void signaturesAreChecked() {
        assertThat(mapper.verify(signed("order-created.json", SECRET)).genuine()).isTrue();
        assertThat(mapper.verify(signed("order-created.json", "wrong")).genuine()).isFalse();
        Webhook genuine = signed("order-paid.json", SECRET);
        assertThat(mapper.verify(Webhooks.of("nuvemshop", genuine.headers(), genuine.bodyText().replace("450789469", "1")))
                .genuine()).isFalse();
        assertThat(mapper.verify(Webhooks.of("nuvemshop", Map.of(), "{}")).problem())
                .isEqualTo("The x-linkedstore-hmac-sha256 header is missing.");
    }
}
