package dev.ponte.vendors.wistia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.contacts.ContactDirectory;
import dev.ponte.delivery.state.StateStore;
import dev.ponte.mapping.MalformedPayload;
import dev.ponte.mapping.MappingResult;
import dev.ponte.mapping.Signatures;
import dev.ponte.mapping.Webhook;
import dev.ponte.rd.events.RdEvent;
import dev.ponte.rd.events.RdJson;
import dev.ponte.rd.validation.EventValidator;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.Learned;
import dev.ponte.testing.TestState;
import dev.ponte.testing.VendorSettingsStub;
import dev.ponte.testing.Webhooks;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WistiaMapperTest {

    static final String SECRET = "wistia-secret-key";
    static final String BODY = Fixtures.text("vendors/wistia/viewing-session.json");

    static class Config extends VendorSettingsStub implements WistiaConfig {
        Config(String secret) {
            super(secret, null);
        }

        @Override
        public String conversionIdentifier() {
            return "wistia-turnstile";
        }
    }

    private final StateStore store = TestState.store();
    private final WistiaMapper mapper = new WistiaMapper(new Config(SECRET), new ContactDirectory(store));

    static Webhook signed(String secret, String body) {
        return Webhooks.of("wistia", Map.of("Content-Type", "application/json", "X-Wistia-Signature",
                Signatures.hex(Signatures.Algorithm.SHA256, secret, body.getBytes(StandardCharsets.UTF_8))), body);
    }

    static List<RdEvent> events(MappingResult result) {
        return ((MappingResult.Several) result).deliveries().stream().flatMap(d -> d.events().stream()).toList();
    }

    @Test
    void eachEventOfTheBodyMapsOnItsOwnKeyedOnItsUuid() {
        MappingResult result = mapper.map(signed(SECRET, BODY));

        assertThat(((MappingResult.Several) result).deliveries()).extracting(MappingResult.Mapped::deliveryId)
                .containsExactly("09e7b27100b3a001", "09e7b27100b3a000", "09e7b27100b3a002");
        assertThat(RdJson.tree(events(result))).isEqualTo(Fixtures.json("vendors/wistia/viewing-session.expected.json"));
        events(result).forEach(e -> assertThat(EventValidator.validate(e)).isEmpty());
    }

    @Test
    void aVisitorWhoGaveAnEmailOnceIsKnownInLaterBodiesOnceItWasDelivered() {
        MappingResult first = mapper.map(signed(SECRET, BODY));
        assertThat(((MappingResult.Several) first).deliveries().get(0).facts()).singleElement()
                .satisfies(fact -> assertThat(fact.value()).isEqualTo("lenny@wistia.com"));
        Learned.from(store, first);
        String laterFinish = BODY.replace("\"percent_watched\": 25", "\"percent_watched\": 1.0")
                .replace("09e7b27100b3a002", "09e7b27100b3a009");
        JsonNode stopped = RdJson.tree(events(mapper.map(signed(SECRET, laterFinish)))).get(2).path("payload");
        assertThat(stopped.path("email").asText()).isEqualTo("lenny@wistia.com");
        assertThat(stopped.path("media_user_interaction_percentage").asInt()).isEqualTo(100);
        assertThat(stopped.path("media_finished").asBoolean()).isTrue();
        assertThat(stopped.path("media_user_interaction_duration").asInt()).isEqualTo(72);
    }

    @Test
    void viewsOfVisitorsWhoNeverGaveAnEmailAreAcknowledged() {
        String anonymous = BODY.replace("\"lenny@wistia.com\"", "null");
        assertThat(mapper.map(signed(SECRET, anonymous))).isInstanceOf(MappingResult.Ignored.class);
    }

    @Test
    void signatureVectors() {
        Webhook genuine = signed(SECRET, BODY);
        assertThat(mapper.verify(genuine).genuine()).isTrue();
        assertThat(mapper.verify(signed("another-key", BODY)).genuine()).isFalse();
        assertThat(mapper.verify(Webhooks.of("wistia", genuine.headers(), BODY.replace("lenny@", "eve@"))).genuine()).isFalse();
        assertThat(mapper.verify(Webhooks.of("wistia", Map.of(), BODY)).problem()).contains("X-Wistia-Signature");
        // Held to a vector computed independently: printf '{"events":[]}' | openssl dgst -sha256 -hmac secret
        assertThat(Signatures.hex(Signatures.Algorithm.SHA256, "secret", "{\"events\":[]}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("a642b59553c93e227ec0f2f38910fbf71231a2197c00899833c00478cec86f34");
    }

    @Test
    void aBodyWithoutEventsIsMalformed() {
        assertThatThrownBy(() -> mapper.map(signed(SECRET, "{\"hook\":{\"uuid\":\"x\"}}"))).isInstanceOf(MalformedPayload.class);
        assertThatThrownBy(() -> mapper.map(signed(SECRET, "{\"events\":[{\"type\":\"viewing_session.play\"}]}")))
                .isInstanceOf(MalformedPayload.class);
    }
}
