package dev.ponte.vendors.aircall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponte.contacts.ContactDirectory;
import dev.ponte.mapping.ContactResolver;
import dev.ponte.mapping.MalformedPayload;
import dev.ponte.mapping.MappingResult;
import dev.ponte.rd.events.RdJson;
import dev.ponte.rd.validation.EventValidator;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.TestState;
import dev.ponte.testing.VendorSettingsStub;
import dev.ponte.testing.Webhooks;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AircallMapperTest {

    static final String TOKEN = "aircall-webhook-token";
    static final String BODY = Fixtures.text("vendors/aircall/call.ended.json");

    static class Config extends VendorSettingsStub implements AircallConfig {
        Config(String token) {
            super(token, null);
        }
    }

    private final AircallMapper mapper = new AircallMapper(new Config(TOKEN), new ContactResolver(new ContactDirectory(
            TestState.store())));

    @Test
    void anEndedCallIsCallFinished() {
        MappingResult result = mapper.map(Webhooks.of("aircall", Map.of(), BODY));

        assertThat(result).isInstanceOfSatisfying(MappingResult.Mapped.class, mapped -> {
            assertThat(mapped.deliveryId()).isEqualTo("call-76259012:ended");
            assertThat(RdJson.tree(mapped.events())).isEqualTo(Fixtures.json("vendors/aircall/call.ended.expected.json"));
            mapped.events().forEach(e -> assertThat(EventValidator.validate(e)).isEmpty());
        });
    }

    @Test
    void aMissedCallSaysWhy() {
        String missed = BODY.replace("\"answered_at\": 1764338298", "\"answered_at\": null")
                .replace("\"missed_call_reason\": null", "\"missed_call_reason\": \"out_of_opening_hours\"");
        MappingResult.Mapped mapped = (MappingResult.Mapped) mapper.map(Webhooks.of("aircall", Map.of(), missed));
        assertThat(RdJson.tree(mapped.events()).get(0).path("payload").path("call_status").asText()).isEqualTo("missed");
        assertThat(RdJson.tree(mapped.events()).get(0).path("payload").path("call_status_description").asText())
                .isEqualTo("out_of_opening_hours");
    }

    @Test
    void withoutARecordingTheAssetLinkStandsForIt() {
        String unrecorded = BODY.replace("\"https://aircall-recordings.s3.amazonaws.com/calls/76259012/recording.mp3\"", "null");
        MappingResult.Mapped mapped = (MappingResult.Mapped) mapper.map(Webhooks.of("aircall", Map.of(), unrecorded));
        assertThat(RdJson.tree(mapped.events()).get(0).path("payload").path("call_record").asText())
                .isEqualTo("https://assets.aircall.io/calls/76259012/recording");
    }

    @Test
    void aContactWithoutEmailWaitsForTheNumber() {
        String unknown = BODY.replace("[{\"id\": 9101, \"label\": \"Work\", \"value\": \"nicolas@pereiramodas.com.br\"}]", "[]");
        assertThat(mapper.map(Webhooks.of("aircall", Map.of(), unknown))).isInstanceOfSatisfying(MappingResult.Unresolved.class,
                u -> assertThat(u.reason()).startsWith("No email for +5511912345678"));
    }

    @Test
    void theTokenInTheBodyIsTheProof() {
        assertThat(mapper.verify(Webhooks.of("aircall", Map.of(), BODY)).genuine()).isTrue();
        assertThat(mapper.verify(Webhooks.of("aircall", Map.of(), BODY.replace(TOKEN, "guessed"))).genuine()).isFalse();
        assertThat(mapper.verify(Webhooks.of("aircall", Map.of(), BODY.replace("\"token\"", "\"tok\""))).problem()).contains("no token");
        assertThat(mapper.verify(Webhooks.of("aircall", Map.of(), "not json")).genuine()).isFalse();
    }

    @Test
    void otherEventsAreAcknowledgedAndBrokenOnesRefused() {
        assertThat(mapper.map(Webhooks.of("aircall", Map.of(), BODY.replace("call.ended", "call.created"))))
                .isInstanceOf(MappingResult.Ignored.class);
        assertThatThrownBy(() -> mapper.map(Webhooks.of("aircall", Map.of(), "{\"event\":\"call.ended\",\"token\":\"t\"}")))
                .isInstanceOf(MalformedPayload.class);
    }
}
