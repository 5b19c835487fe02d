package dev.ponte.vendors.tawkto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponte.mapping.MalformedPayload;
import dev.ponte.mapping.MappingResult;
import dev.ponte.mapping.Signatures;
import dev.ponte.mapping.VendorMapper;
import dev.ponte.mapping.Webhook;
import dev.ponte.rd.events.RdJson;
import dev.ponte.rd.validation.EventValidator;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.FileVendors;
import dev.ponte.testing.Webhooks;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TawkToMapperTest {

    static final String SECRET = "tawk-webhook-key";

    /** tawk.to is a mapping file (mappings/tawkto.yaml); these are the Java mapper's tests, unchanged in what they assert. */
    private final VendorMapper mapper = FileVendors.shipped("tawkto", Map.of("secret", SECRET));

    static Webhook signed(String secret, String body, String eventId) {
        Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/json", "X-Tawk-Signature",
                Signatures.hex(Signatures.Algorithm.SHA1, secret, body.getBytes(StandardCharsets.UTF_8))));
        if (eventId != null) {
            headers.put("X-Hook-Event-Id", eventId);
        }
        return Webhooks.of("tawkto", headers, body);
    }

    @ParameterizedTest
    @CsvSource({"chat-start, chat-70fe3290-99ad-11e9-a30a-51567162179f:started",
            "chat-end, chat-70fe3290-99ad-11e9-a30a-51567162179f:finished",
            "chat-transcript-created, chat-70fe3290-99ad-11e9-a30a-51567162179f:finished",
            "ticket-create, 5d1628d9a7f1d5467da3c8e1"})
    void documentedPayloadsBecomeTheirRdEvents(String fixture, String deliveryId) {
        MappingResult result = mapper.map(signed(SECRET, Fixtures.text("vendors/tawkto/" + fixture + ".json"), "5d1628d9a7f1d5467da3c8e1"));

        assertThat(result).isInstanceOfSatisfying(MappingResult.Mapped.class, mapped -> {
            assertThat(mapped.deliveryId()).isEqualTo(deliveryId);
            assertThat(RdJson.tree(mapped.events())).isEqualTo(Fixtures.json("vendors/tawkto/" + fixture + ".expected.json"));
            mapped.events().forEach(e -> assertThat(EventValidator.validate(e)).isEmpty());
        });
    }

    @Test
    void theTicketsSubjectAndMessageGoToTheCustomFieldTheUserNamed() {
        MappingResult.Mapped mapped = (MappingResult.Mapped) FileVendors.shipped("tawkto", Map.of("secret", SECRET,
                "message-field", "cf_ticket"))
                .map(signed(SECRET, Fixtures.text("vendors/tawkto/ticket-create.json"), null));
        assertThat(RdJson.tree(mapped.events()).get(0).path("payload").path("cf_ticket").asText()).isEqualTo("Testing\nMessage");
        mapped.events().forEach(e -> assertThat(EventValidator.validate(e)).isEmpty());
    }

    @Test
    void aTicketWithoutTawksEventIdIsKeyedOnTheTicket() {
        MappingResult.Mapped mapped = (MappingResult.Mapped) mapper.map(signed(SECRET, Fixtures.text("vendors/tawkto/ticket-create.json"), null));
        assertThat(mapped.deliveryId()).isEqualTo("ticket-02df5d40-99b0-11e9-9f8b-e5ec2c9f3a27");
    }

    @Test
    void signatureVectors() {
        String body = Fixtures.text("vendors/tawkto/chat-start.json");
        assertThat(mapper.verify(signed(SECRET, body, null)).genuine()).isTrue();
        assertThat(mapper.verify(signed("another-key", body, null)).genuine()).isFalse();
        Webhook genuine = signed(SECRET, body, null);
        assertThat(mapper.verify(Webhooks.of("tawkto", genuine.headers(), body.replace("hello@test.com", "evil@test.com")))
                .genuine()).isFalse();
        assertThat(mapper.verify(Webhooks.of("tawkto", Map.of(), body)).problem()).contains("X-Tawk-Signature");
        // The documented algorithm, held to a vector computed independently (openssl dgst -sha1 -hmac).
        assertThat(Signatures.hex(Signatures.Algorithm.SHA1, "webhook secret key", "{\"event\":\"chat:end\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(OPENSSL_VECTOR);
    }

    static final String OPENSSL_VECTOR = "7e59b9960da8ad33bf83f7bafd54e72d83708e99";

    @Test
    void anonymousVisitorsAndOtherEventsAreAcknowledged() {
        String anonymous = Fixtures.text("vendors/tawkto/chat-start.json").replace("\"hello@test.com\"", "null");
        assertThat(mapper.map(signed(SECRET, anonymous, null))).isInstanceOf(MappingResult.Ignored.class);
        assertThat(mapper.map(signed(SECRET, "{\"event\":\"chat:rated\"}", null))).isInstanceOf(MappingResult.Ignored.class);
        assertThatThrownBy(() -> mapper.map(signed(SECRET, "{\"chatId\":\"x\"}", null))).isInstanceOf(MalformedPayload.class);
        assertThatThrownBy(() -> mapper.map(signed(SECRET, "{\"event\":\"chat:start\"}", null))).isInstanceOf(MalformedPayload.class);
    }
}
