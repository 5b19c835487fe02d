package dev.ponte.vendors.intercom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponte.mapping.MalformedPayload;
import dev.ponte.mapping.MappingResult;
import dev.ponte.mapping.Signatures;
import dev.ponte.mapping.Webhook;
import dev.ponte.rd.events.RdJson;
import dev.ponte.rd.validation.EventValidator;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.VendorSettingsStub;
import dev.ponte.testing.Webhooks;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntercomMapperTest {

    static final String SECRET = "intercom-client-secret";

    static class Config extends VendorSettingsStub implements IntercomConfig {
        Config(String secret) {
            super(secret, null);
        }
    }

    private final IntercomMapper mapper = new IntercomMapper(new Config(SECRET));

    static Webhook signed(String secret, String body) {
        return Webhooks.of("intercom", Map.of("Content-Type", "application/json", "X-Hub-Signature",
                "sha1=" + Signatures.hex(Signatures.Algorithm.SHA1, secret, body.getBytes(StandardCharsets.UTF_8))), body);
    }

    @ParameterizedTest
    @CsvSource({"conversation.user.created, notif_ccd8a4d0-f965-11e3-a367-c779cae3e1b3",
            "conversation.admin.closed, notif_0c9a7e12-3f6b-4d7e-9d5c-2b8e2f0a71aa",
            "v1-conversation.admin.closed, notif_2bc4bf3a-0064-4fb0-9e17-dc44d91bcb9b"})
    void documentedPayloadsBecomeTheirRdEvents(String fixture, String deliveryId) {
        MappingResult result = mapper.map(signed(SECRET, Fixtures.text("vendors/intercom/" + fixture + ".json")));

        assertThat(result).isInstanceOfSatisfying(MappingResult.Mapped.class, mapped -> {
            assertThat(mapped.deliveryId()).isEqualTo(deliveryId);
            assertThat(RdJson.tree(mapped.events())).isEqualTo(Fixtures.json("vendors/intercom/" + fixture + ".expected.json"));
            mapped.events().forEach(e -> assertThat(EventValidator.validate(e)).isEmpty());
        });
    }

    @Test
    void apiOneConversationsNameTheirContactAsTheConversationsUser() {
        String created = Fixtures.text("vendors/intercom/v1-conversation.user.created.json");
        // As captured: a lead who has not given an email yet, so RD has no contact for it.
        assertThat(mapper.map(signed(SECRET, created))).isInstanceOfSatisfying(MappingResult.Ignored.class,
                ignored -> assertThat(ignored.why()).contains("contact with an email"));

        MappingResult withEmail = mapper.map(signed(SECRET, created.replace("\"email\":\"\"",
                "\"email\":\"rose@example.com\"")));
        assertThat(withEmail).isInstanceOfSatisfying(MappingResult.Mapped.class, mapped -> {
            assertThat(mapped.deliveryId()).isEqualTo("notif_3ac27816-d27c-45fd-a65a-bbaf021cf780");
            assertThat(RdJson.tree(mapped.events())).isEqualTo(Fixtures.parse("[{\"event_type\":\"CHAT_STARTED\","
                    + "\"event_family\":\"CDP\",\"payload\":{\"chat_subject\":\"Hello everyone!\",\"cf_chat_status\":\"open\","
                    + "\"cf_chat_type\":\"Intercom\",\"name\":\"Rose Poodle from St. John's\",\"email\":\"rose@example.com\"}}]"));
        });
    }

    @Test
    void thePingIsAnswered() {
        assertThat(mapper.map(signed(SECRET, Fixtures.text("vendors/intercom/ping.json"))))
                .isInstanceOfSatisfying(MappingResult.Reply.class, reply -> assertThat(reply.status()).isEqualTo(200));
    }

    @Test
    void signatureVectors() {
        String body = Fixtures.text("vendors/intercom/conversation.user.created.json");
        Webhook genuine = signed(SECRET, body);
        assertThat(mapper.verify(genuine).genuine()).isTrue();
        assertThat(mapper.verify(signed("another-secret", body)).genuine()).isFalse();
        assertThat(mapper.verify(Webhooks.of("intercom", genuine.headers(), body.replace("joe@bloggs.com", "eve@bloggs.com")))
                .genuine()).isFalse();
        assertThat(mapper.verify(Webhooks.of("intercom", Map.of(), body)).problem()).contains("X-Hub-Signature");
        assertThat(mapper.verify(Webhooks.of("intercom", Map.of("X-Hub-Signature",
                genuine.header("X-Hub-Signature").substring(5)), body)).genuine()).isFalse();
        // Held to a vector computed independently: printf '{"topic":"ping"}' | openssl dgst -sha1 -hmac secret
        assertThat(Signatures.hex(Signatures.Algorithm.SHA1, "secret", "{\"topic\":\"ping\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("07c1f97674ea1af81d933c17af167b9300d3ec6e");
    }

    @Test
    void conversationsAnAdminStartsAndOtherTopicsAreAcknowledged() {
        String adminStarted = Fixtures.text("vendors/intercom/conversation.user.created.json").replace("\"type\": \"user\"", "\"type\": \"admin\"");
        assertThat(mapper.map(signed(SECRET, adminStarted))).isInstanceOf(MappingResult.Ignored.class);
        String authorOfNoKind = Fixtures.text("vendors/intercom/conversation.user.created.json").replace("\"type\": \"user\"", "\"type\": null");
        assertThat(mapper.map(signed(SECRET, authorOfNoKind))).isInstanceOf(MappingResult.Ignored.class);
        assertThat(mapper.map(signed(SECRET, "{\"topic\":\"conversation.admin.noted\"}"))).isInstanceOf(MappingResult.Ignored.class);
        assertThatThrownBy(() -> mapper.map(signed(SECRET, "{\"id\":\"notif_1\"}"))).isInstanceOf(MalformedPayload.class);
        assertThatThrownBy(() -> mapper.map(signed(SECRET, "{\"topic\":\"conversation.user.created\",\"data\":{}}")))
                .isInstanceOf(MalformedPayload.class);
    }
}
