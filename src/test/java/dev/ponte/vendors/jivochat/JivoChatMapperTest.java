package dev.ponte.vendors.jivochat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponte.contacts.ContactDirectory;
import dev.ponte.mapping.ContactResolver;
import dev.ponte.mapping.MalformedPayload;
import dev.ponte.mapping.MappingResult;
import dev.ponte.mapping.Webhook;
import dev.ponte.rd.events.RdJson;
import dev.ponte.rd.validation.EventValidator;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.TestState;
import dev.ponte.testing.VendorSettingsStub;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JivoChatMapperTest {

    static final String TOKEN = "jivo-url-token";

    static class Config extends VendorSettingsStub implements JivoChatConfig {
        private final String messageField;

        Config(String token) {
            this(token, null);
        }

        Config(String token, String messageField) {
            super(token, null);
            this.messageField = messageField;
        }

        @Override
        public java.util.Optional<String> messageField() {
            return java.util.Optional.ofNullable(messageField);
        }

        @Override
        public String conversionIdentifier() {
            return "jivochat-offline-message";
        }
    }

    private final JivoChatMapper mapper = new JivoChatMapper(new Config(TOKEN), resolver());

    static ContactResolver resolver() {
        return new ContactResolver(new ContactDirectory(TestState.store()));
    }

    static Webhook posted(String token, String body) {
        Map<String, List<String>> query = token == null ? Map.of() : Map.of("token", List.of(token));
        return new Webhook("jivochat", "/webhooks/jivochat", token == null ? null : "token=" + token,
                Map.of("Content-Type", "application/json"), query, body.getBytes(StandardCharsets.UTF_8),
                Instant.parse("2026-11-27T12:00:00Z"), "https://ponte.example/webhooks/jivochat");
    }

    @ParameterizedTest
    @CsvSource({"chat_accepted, 3948:chat-7636:accepted", "chat_finished, 3948:chat-7607:finished",
            "offline_message, 3948:offline-1665399500726"})
    void documentedPayloadsBecomeTheirRdEvents(String fixture, String deliveryId) {
        MappingResult result = mapper.map(posted(TOKEN, Fixtures.text("vendors/jivochat/" + fixture + ".json")));

        assertThat(result).isInstanceOfSatisfying(MappingResult.Mapped.class, mapped -> {
            assertThat(mapped.deliveryId()).isEqualTo(deliveryId);
            assertThat(RdJson.tree(mapped.events())).isEqualTo(Fixtures.json("vendors/jivochat/" + fixture + ".expected.json"));
            mapped.events().forEach(e -> assertThat(EventValidator.validate(e)).isEmpty());
        });
    }

    @Test
    void theOfflineMessageGoesToTheCustomFieldTheUserNamed() {
        JivoChatMapper withField = new JivoChatMapper(new Config(TOKEN, "cf_mensagem"), resolver());
        MappingResult.Mapped mapped = (MappingResult.Mapped) withField.map(posted(TOKEN, Fixtures.text("vendors/jivochat/offline_message.json")));
        assertThat(RdJson.tree(mapped.events()).get(0).path("payload").path("cf_mensagem").asText()).isEqualTo("Message text");
        mapped.events().forEach(e -> assertThat(EventValidator.validate(e)).isEmpty());
    }

    @Test
    void olderPayloadsWithOnlyTheUtmStringKeepTheirCampaign() {
        String body = Fixtures.text("vendors/jivochat/offline_message.json").replaceAll("(?s)\"utm_json\": \\{.*?\\},", "");
        MappingResult.Mapped mapped = (MappingResult.Mapped) mapper.map(posted(TOKEN, body));
        var payload = RdJson.tree(mapped.events()).get(0).path("payload");
        assertThat(payload.path("traffic_source").asText()).isEqualTo("google");
        assertThat(payload.path("traffic_medium").asText()).isEqualTo("cpc");
        assertThat(payload.path("traffic_campaign").asText()).isEqualTo("campaign_name");
        assertThat(payload.has("traffic_value")).isFalse();
    }

    @Test
    void theTokenOnTheUrlIsTheProof() {
        String body = Fixtures.text("vendors/jivochat/chat_accepted.json");
        assertThat(mapper.verify(posted(TOKEN, body)).genuine()).isTrue();
        assertThat(mapper.verify(posted("guessed", body)).genuine()).isFalse();
        assertThat(mapper.verify(posted(null, body)).problem()).contains("?token=");
    }

    @Test
    void aVisitorWithOnlyAPhoneWaitsForTheNumberToBeLearned() {
        String body = Fixtures.text("vendors/jivochat/chat_accepted.json").replace("\"email@example.com\"", "null");
        assertThat(mapper.map(posted(TOKEN, body))).isInstanceOfSatisfying(MappingResult.Unresolved.class,
                u -> assertThat(u.reason()).startsWith("No email for +14084987855"));
    }

    @Test
    void anAnonymousVisitorIsAcknowledgedNotParked() {
        String body = Fixtures.text("vendors/jivochat/chat_accepted.json").replace("\"email@example.com\"", "null")
                .replace("\"+14084987855\"", "null");
        assertThat(mapper.map(posted(TOKEN, body))).isInstanceOf(MappingResult.Ignored.class);
    }

    @Test
    void otherEventsAreAcknowledgedAndBrokenBodiesRefused() {
        assertThat(mapper.map(posted(TOKEN, "{\"event_name\":\"chat_updated\",\"chat_id\":1}"))).isInstanceOf(MappingResult.Ignored.class);
        assertThatThrownBy(() -> mapper.map(posted(TOKEN, "{\"chat_id\":1}"))).isInstanceOf(MalformedPayload.class);
        assertThatThrownBy(() -> mapper.map(posted(TOKEN, "{\"event_name\":\"chat_accepted\"}"))).isInstanceOf(MalformedPayload.class);
    }
}
