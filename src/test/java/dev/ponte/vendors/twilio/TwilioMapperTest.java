package dev.ponte.vendors.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.contacts.ContactDirectory;
import dev.ponte.delivery.state.StateStore;
import dev.ponte.mapping.ContactResolver;
import dev.ponte.mapping.FormBody;
import dev.ponte.mapping.MappingResult;
import dev.ponte.mapping.Webhook;
import dev.ponte.rd.events.ConversionPayloadBuilder;
import dev.ponte.rd.events.RdEvent;
import dev.ponte.rd.events.RdJson;
import dev.ponte.rd.validation.EventValidator;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.Learned;
import dev.ponte.testing.TestState;
import dev.ponte.testing.VendorSettingsStub;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioMapperTest {

    static final String TOKEN = "twilio-auth-token";
    static final String BODY = Fixtures.text("vendors/twilio/status-callback-completed.form");

    static class Config extends VendorSettingsStub implements TwilioConfig {
        Config() {
            super(TOKEN, null);
        }
    }

    private final StateStore store = TestState.store();
    private final ContactDirectory directory = new ContactDirectory(store);
    private final TwilioMapper mapper = new TwilioMapper(new Config(), new ContactResolver(directory));

    /** The callback as Twilio posts it to {@code url}, signed over that URL. */
    static Webhook posted(String url, String body) {
        String query = url.contains("?") ? url.substring(url.indexOf('?') + 1) : null;
        String signature = TwilioSignature.of(TOKEN, url, FormBody.parse(body));
        return new Webhook("twilio", "/webhooks/twilio", query, Map.of("X-Twilio-Signature", signature,
                "Content-Type", "application/x-www-form-urlencoded"), FormBody.parse(query), body.getBytes(StandardCharsets.UTF_8),
                Instant.parse("2026-11-27T12:00:00Z"), url);
    }

    @Test
    void theSignatureIsTwiliosDocumentedOne() {
        assertThat(TwilioSignature.of("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", Map.of(
                "CallSid", List.of("CA1234567890ABCDE"), "Caller", List.of("+14158675309"), "Digits", List.of("1234"),
                "From", List.of("+14158675309"), "To", List.of("+18005551212"))))
                .isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }

    @Test
    void signaturesAreCheckedOverTheUrlTwilioCalled() {
        Webhook genuine = posted("https://ponte.example.com/webhooks/twilio?email=lead@example.com.br", BODY);
        assertThat(mapper.verify(genuine).genuine()).isTrue();
        Webhook otherUrl = new Webhook("twilio", genuine.path(), genuine.query(), genuine.headers(), genuine.queryParameters(),
                genuine.body(), genuine.receivedAt(), "https://internal.gateway/webhooks/twilio?email=lead@example.com.br");
        assertThat(mapper.verify(otherUrl).problem()).contains("PONTE_PUBLIC_URL");
        Webhook tampered = new Webhook("twilio", genuine.path(), genuine.query(), genuine.headers(), genuine.queryParameters(),
                BODY.replace("CallDuration=49", "CallDuration=4900").getBytes(StandardCharsets.UTF_8), genuine.receivedAt(),
                genuine.calledUrl());
        assertThat(mapper.verify(tampered).genuine()).isFalse();
        assertThat(new TwilioMapper(new Config() {
            @Override
            public java.util.Optional<String> secret() {
                return java.util.Optional.of("another-token");
            }
        }, null).verify(genuine).genuine()).isFalse();
    }

    @Test
    void aCompletedCallWithAnEmailOnTheUrlIsCallFinished() {
        MappingResult result = mapper.map(posted("https://ponte.example.com/webhooks/twilio?email=lead@example.com.br", BODY));

        assertThat(result).isInstanceOfSatisfying(MappingResult.Mapped.class, mapped -> {
            assertThat(mapped.deliveryId()).isEqualTo("CAbe982f58915a2def4cf7aaa1f1766236:completed");
            assertThat(RdJson.tree(mapped.events())).isEqualTo(Fixtures.json("vendors/twilio/status-callback-completed.expected.json"));
            mapped.events().forEach(e -> assertThat(EventValidator.validate(e)).isEmpty());
        });
    }

    @Test
    void theEmailCanComeFromTheNumbersEarlierEvents() {
        Learned.fromEvents(store, List.of(RdEvent.of(ConversionPayloadBuilder.builder()
                .conversionIdentifier("contato")
                .name("Lead")
                .email("lead@example.com.br")
                .personalPhone("(11) 3589-2112")
                .build())));

        MappingResult.Mapped mapped = (MappingResult.Mapped) mapper.map(posted("https://ponte.example.com/webhooks/twilio", BODY));

        assertThat(mapped.events().get(0).payload().email()).isEqualTo("lead@example.com.br");
    }

    @Test
    void withoutAnyEmailItIsUnresolvedNamingTheNumber() {
        assertThat(mapper.map(posted("https://ponte.example.com/webhooks/twilio", BODY)))
                .isInstanceOfSatisfying(MappingResult.Unresolved.class, u -> assertThat(u.reason()).startsWith("No email for +551135892112"));
    }

    @Test
    void callsStillRingingAreAcknowledged() {
        assertThat(mapper.map(posted("https://ponte.example.com/webhooks/twilio",
                BODY.replace("CallStatus=completed", "CallStatus=ringing")))).isInstanceOf(MappingResult.Ignored.class);
    }
}
