package dev.ponte.mapping.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponte.mapping.MalformedPayload;
import dev.ponte.mapping.MappingResult;
import dev.ponte.mapping.Signatures;
import dev.ponte.mapping.Webhook;
import dev.ponte.rd.events.RdJson;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.Webhooks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A vendor as a mapping file: verified by its preset, mapped by its expressions, to the events the Java mapper sends. */
class FileMapperTest {

    static final String SECRET = "tawk-file-secret";
    static final Path DIR = Path.of("src/test/resources/mappings-dir");

    private final FileMapper mapper = new FileMapper(MappingFiles.directory(DIR).get(0),
            setting -> setting.equals("secret") ? SECRET : null, context(Clock.fixed(Instant.parse("2019-06-28T14:03:05Z"),
                    ZoneOffset.UTC)));

    static FileMapper.Context context(Clock clock) {
        return new FileMapper.Context(clock, null, dev.ponte.rd.EcommerceFamily.CURRENT);
    }

    static Webhook signed(String secret, String body) {
        return Webhooks.of("tawkto-file", Map.of("X-Tawk-Signature",
                Signatures.hex(Signatures.Algorithm.SHA1, secret, body.getBytes(StandardCharsets.UTF_8))), body);
    }

    @Test
    void theFileMakesTheEventsOfTheJavaMapper() {
        MappingResult result = mapper.map(signed(SECRET, Fixtures.text("vendors/tawkto/chat-start.json")));
        assertThat(result).isInstanceOfSatisfying(MappingResult.Mapped.class, mapped -> {
            assertThat(mapped.topic()).isEqualTo("chat:start");
            assertThat(mapped.deliveryId()).isEqualTo("chat-70fe3290-99ad-11e9-a30a-51567162179f:started");
            assertThat(RdJson.tree(mapped.events())).isEqualTo(Fixtures.json("vendors/tawkto/chat-start.expected.json"));
        });
    }

    @Test
    void signatureVectors() {
        String body = Fixtures.text("vendors/tawkto/chat-start.json");
        assertThat(mapper.verify(signed(SECRET, body)).genuine()).isTrue();
        assertThat(mapper.verify(signed("another-secret", body)).problem())
                .isEqualTo("X-Tawk-Signature does not match the signature made with the vendor's secret.");
        Webhook genuine = signed(SECRET, body);
        assertThat(mapper.verify(Webhooks.of("tawkto-file", genuine.headers(), body.replace("hello@test.com",
                "other@test.com"))).genuine()).isFalse();
        assertThat(mapper.verify(Webhooks.of("tawkto-file", Map.of(), body)).problem())
                .isEqualTo("The X-Tawk-Signature header is missing.");
    }

    @Test
    void aConditionThatDoesNotHoldAndATopicNotListedAreAcknowledged() {
        String anonymous = Fixtures.text("vendors/tawkto/chat-start.json").replace("\"email\" : \"hello@test.com\"",
                "\"email\" : \"\"");
        assertThat(mapper.map(signed(SECRET, anonymous))).isInstanceOfSatisfying(MappingResult.Ignored.class,
                ignored -> assertThat(ignored.why()).contains("No event of chat:start"));
        assertThat(mapper.map(signed(SECRET, "{\"event\":\"chat:end\"}"))).isInstanceOfSatisfying(
                MappingResult.Ignored.class, ignored -> assertThat(ignored.why()).contains("maps chat:start"));
    }

    @Test
    void aBodyWithoutItsTopicIsMalformed() {
        assertThatThrownBy(() -> mapper.map(signed(SECRET, "{\"chatId\":\"1\"}"))).isInstanceOf(MalformedPayload.class)
                .hasMessageContaining("no topic");
    }

    @Test
    void timestampedSignaturesAreCheckedForFreshness() {
        MappingFile file = MappingFileReader.read("stamped.yaml", """
                vendor: stamped
                verify:
                  preset: hmac
                  header: Stamped-Signature
                  part: v1
                  algorithm: sha256
                  signed: "{timestamp}.{body}"
                  timestamp-part: t
                  tolerance: 5m
                topic: type
                topics:
                  x:
                    events:
                      - type: OPPORTUNITY
                        fields: {email: email, funnel_name: "'default'"}
                """);
        Instant now = Instant.parse("2026-12-02T12:00:00Z");
        FileMapper stamped = new FileMapper(file, s -> s.equals("secret") ? "whsec" : null,
                context(Clock.fixed(now, ZoneOffset.UTC)));
        String body = "{\"type\":\"x\",\"email\":\"ana@example.com\"}";
        long t = now.getEpochSecond() - 60;
        String v1 = Signatures.hex(Signatures.Algorithm.SHA256, "whsec", (t + "." + body).getBytes(StandardCharsets.UTF_8));
        assertThat(stamped.verify(Webhooks.of("stamped", Map.of("Stamped-Signature", "t=" + t + ",v1=" + v1), body))
                .genuine()).isTrue();
        long stale = now.getEpochSecond() - 600;
        String old = Signatures.hex(Signatures.Algorithm.SHA256, "whsec", (stale + "." + body).getBytes(StandardCharsets.UTF_8));
        assertThat(stamped.verify(Webhooks.of("stamped", Map.of("Stamped-Signature", "t=" + stale + ",v1=" + old), body))
                .problem()).contains("more than 300 s away");
        assertThat(RdJson.tree(((MappingResult.Mapped) stamped.map(Webhooks.of("stamped", Map.of(), body))).events()))
                .isEqualTo(Fixtures.parse("[{\"event_type\":\"OPPORTUNITY\",\"event_family\":\"CDP\",\"payload\":{"
                        + "\"email\":\"ana@example.com\",\"funnel_name\":\"default\"}}]"));
    }

    @Test
    void aTokenOnTheUrlOrInAHeaderIsTheSecretItself() {
        MappingFile onUrl = MappingFileReader.read("url.yaml", """
                vendor: url-token
                verify: {preset: query-token, parameter: token}
                topic: type
                topics:
                  x:
                    events:
                      - type: OPPORTUNITY
                        fields: {email: email, funnel_name: "'default'"}
                """);
        FileMapper mapper = new FileMapper(onUrl, s -> s.equals("secret") ? "s3cret" : null, context(Clock.systemUTC()));
        Webhook genuine = new Webhook("url-token", "/webhooks/url-token", "token=s3cret", Map.of(),
                Map.of("token", java.util.List.of("s3cret")), new byte[0], Instant.now(), "http://ponte/webhooks/url-token");
        Webhook wrong = new Webhook("url-token", "/webhooks/url-token", "token=guess", Map.of(),
                Map.of("token", java.util.List.of("guess")), new byte[0], Instant.now(), "http://ponte/webhooks/url-token");
        assertThat(mapper.verify(genuine).genuine()).isTrue();
        assertThat(mapper.verify(wrong).problem()).isEqualTo("The token query parameter is not the vendor's secret.");
        assertThat(mapper.credentials().queryParameters()).containsExactly("token");
    }
}
