package dev.ponte.vendors.zoom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.contacts.ContactDirectory;
import dev.ponte.delivery.state.StateStore;
import dev.ponte.mapping.ContactResolver;
import dev.ponte.mapping.MalformedPayload;
import dev.ponte.mapping.MappingResult;
import dev.ponte.mapping.Signatures;
import dev.ponte.mapping.Webhook;
import dev.ponte.rd.events.RdJson;
import dev.ponte.rd.validation.EventValidator;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.Learned;
import dev.ponte.testing.MutableClock;
import dev.ponte.testing.TestState;
import dev.ponte.testing.VendorSettingsStub;
import dev.ponte.testing.Webhooks;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZoomMapperTest {

    static final String SECRET = "zoom-secret-token";
    static final String JOINED = Fixtures.text("vendors/zoom/webinar.participant_joined.json");
    static final String LEFT = Fixtures.text("vendors/zoom/webinar.participant_left.json");

    static class Config extends VendorSettingsStub implements ZoomConfig {
        Config(String secret) {
            super(secret, null);
        }

        @Override
        public Duration maxAge() {
            return Duration.ofMinutes(5);
        }
    }

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
    private final StateStore store = TestState.store(clock);
    private final ZoomMapper mapper = new ZoomMapper(new Config(SECRET), new ContactResolver(new ContactDirectory(store)),
            new ZoomAttendance(store), clock);

    static String signature(String secret, long timestamp, String body) {
        return "v0=" + Signatures.hex(Signatures.Algorithm.SHA256, secret,
                ("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
    }

    Webhook signed(String secret, long timestamp, String body) {
        return Webhooks.of("zoom", Map.of("Content-Type", "application/json", "x-zm-request-timestamp", Long.toString(timestamp),
                "x-zm-signature", signature(secret, timestamp, body)), body);
    }

    long now() {
        return clock.instant().getEpochSecond();
    }

    @Test
    void aJoinIsPlaybackStartedAndTheLeaveCountsFromIt() {
        MappingResult.Mapped joined = (MappingResult.Mapped) mapper.map(signed(SECRET, now(), JOINED));
        Learned.from(store, joined); // the join was delivered: its time is kept
        MappingResult.Mapped left = (MappingResult.Mapped) mapper.map(signed(SECRET, now(), LEFT));

        assertThat(joined.deliveryId()).isEqualTo("4444AAAiAAAAAiAiAiiAii==:55555AAAiAAAAAiAiAiiAii:joined:2021-07-13T21:45:51Z");
        assertThat(RdJson.tree(joined.events())).isEqualTo(Fixtures.json("vendors/zoom/webinar.participant_joined.expected.json"));
        assertThat(left.deliveryId()).isEqualTo("4444AAAiAAAAAiAiAiiAii==:55555AAAiAAAAAiAiAiiAii:left:2021-07-13T22:15:51Z");
        assertThat(RdJson.tree(left.events())).isEqualTo(Fixtures.json("vendors/zoom/webinar.participant_left.expected.json"));
        joined.events().forEach(e -> assertThat(EventValidator.validate(e)).isEmpty());
        left.events().forEach(e -> assertThat(EventValidator.validate(e)).isEmpty());
    }

    @Test
    void aLeaveWithoutAKnownJoinCountsFromTheWebinarsStartAndCapsAtTheWhole() {
        JsonNode payload = RdJson.tree(((MappingResult.Mapped) mapper.map(signed(SECRET, now(), LEFT))).events()).get(0).path("payload");
        assertThat(payload.path("media_user_interaction_duration").asInt()).isEqualTo(1860);
        assertThat(payload.path("media_user_interaction_percentage").asInt()).isEqualTo(52);

        String late = LEFT.replace("2021-07-13T22:15:51Z", "2021-07-13T23:15:51Z");
        JsonNode whole = RdJson.tree(((MappingResult.Mapped) mapper.map(signed(SECRET, now(), late))).events()).get(0).path("payload");
        assertThat(whole.path("media_user_interaction_percentage").asInt()).isEqualTo(100);
        assertThat(whole.path("media_finished").asBoolean()).isTrue();
    }

    @Test
    void theUrlValidationIsAnsweredWithTheSignedToken() {
        String body = "{\"payload\":{\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\"},\"event_ts\":1654503849680,\"event\":\"endpoint.url_validation\"}";
        assertThat(mapper.map(signed(SECRET, now(), body))).isInstanceOfSatisfying(MappingResult.Reply.class, reply -> {
            assertThat(reply.status()).isEqualTo(200);
            assertThat(Fixtures.parse(reply.body())).isEqualTo(Fixtures.parse("{\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\","
                    + "\"encryptedToken\":\"" + Signatures.hex(Signatures.Algorithm.SHA256, SECRET,
                            "qgg8vlvZRS6UYooatFL8Aw".getBytes(StandardCharsets.UTF_8)) + "\"}"));
        });
        // Held to a vector computed independently: printf qgg8vlvZRS6UYooatFL8Aw | openssl dgst -sha256 -hmac zoom-secret-token
        assertThat(Signatures.hex(Signatures.Algorithm.SHA256, SECRET, "qgg8vlvZRS6UYooatFL8Aw".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("d9e0d764a78494688ba3f2d5c0ed4ca311394b4834d959759213424d2df961e3");
    }

    @Test
    void signatureVectors() {
        assertThat(mapper.verify(signed(SECRET, now(), JOINED)).genuine()).isTrue();
        assertThat(mapper.verify(signed("another-secret", now(), JOINED)).genuine()).isFalse();
        Webhook genuine = signed(SECRET, now(), JOINED);
        assertThat(mapper.verify(Webhooks.of("zoom", genuine.headers(), JOINED.replace("jchill@", "eve@"))).genuine()).isFalse();
        assertThat(mapper.verify(Webhooks.of("zoom", Map.of("x-zm-request-timestamp", Long.toString(now()),
                "x-zm-signature", genuine.header("x-zm-signature")), JOINED)).genuine()).isTrue();
        assertThat(mapper.verify(Webhooks.of("zoom", Map.of("x-zm-request-timestamp", Long.toString(now() + 1),
                "x-zm-signature", genuine.header("x-zm-signature")), JOINED)).genuine()).isFalse();
        assertThat(mapper.verify(Webhooks.of("zoom", Map.of(), JOINED)).problem()).contains("x-zm-signature");
    }

    @Test
    void aReplayedRequestIsRefused() {
        long signedAt = now();
        Webhook captured = signed(SECRET, signedAt, JOINED);
        clock.advance(Duration.ofMinutes(6));
        assertThat(mapper.verify(captured).problem()).contains("replay");
        assertThat(mapper.verify(signed(SECRET, now() + 600, JOINED)).genuine()).isFalse();
    }

    @Test
    void theOlderDocumentedJoinWithoutEmailIsAcknowledged() {
        assertThat(mapper.map(signed(SECRET, now(), Fixtures.text("vendors/zoom/webinar.participant_joined.without-email.json"))))
                .isInstanceOfSatisfying(MappingResult.Ignored.class, ignored -> assertThat(ignored.why()).contains("no email"));
    }

    @Test
    void attendeesWithoutEmailAndOtherEventsAreAcknowledged() {
        String anonymous = JOINED.replace("\"jchill@example.com\"", "null").replace("\"8615250064084\"", "null");
        assertThat(mapper.map(signed(SECRET, now(), anonymous))).isInstanceOf(MappingResult.Ignored.class);
        String byPhone = JOINED.replace("\"jchill@example.com\"", "null");
        assertThat(mapper.map(signed(SECRET, now(), byPhone))).isInstanceOfSatisfying(MappingResult.Unresolved.class,
                u -> assertThat(u.reason()).startsWith("No email for +8615250064084"));
        assertThat(mapper.map(signed(SECRET, now(), "{\"event\":\"webinar.started\"}"))).isInstanceOf(MappingResult.Ignored.class);
        assertThatThrownBy(() -> mapper.map(signed(SECRET, now(), "{\"event\":\"webinar.participant_joined\",\"payload\":{}}")))
                .isInstanceOf(MalformedPayload.class);
    }
}
