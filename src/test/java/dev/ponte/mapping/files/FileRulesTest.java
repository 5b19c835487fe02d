package dev.ponte.mapping.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponte.contacts.ContactDirectory;
import dev.ponte.mapping.ContactResolver;
import dev.ponte.mapping.MalformedPayload;
import dev.ponte.mapping.MappingResult;
import dev.ponte.mapping.Webhook;
import dev.ponte.rd.EcommerceFamily;
import dev.ponte.rd.events.RdJson;
import dev.ponte.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a mapping file declares by name, run: replies, several deliveries, contacts, settings, the shared rules. */
class FileRulesTest {

    static final String FILE = """
            vendor: acme
            settings:
              conversion-identifier: {default: acme-lead}
              region: optional
            verify: {preset: header-token, header: X-Acme-Token}
            topic: kind
            delivery-id: "'acme-' & id"
            topics:
              ping:
                reply:
                  status: 200
                  content-type: application/json
                  body: "{'challenge': challenge}"
              lead:
                ignore:
                  - when: test = true
                    because: A test lead.
                contact:
                  email: email
                  phone: phone
                  otherwise: No way to reach this lead.
                events:
                  - type: CONVERSION
                    fields:
                      conversion_identifier: $settings.conversion_identifier
                      state: $settings.region
                      tags: "[$ecommerce]"
                    custom-fields: "{'cf_source': source}"
              order:
                contact: {email: email}
                events:
                  - funnel: opportunity
                    delivery-id: "'acme-' & id & ':created'"
                  - funnel: sale
                    when: paid
                    delivery-id: "'acme-' & id & ':paid'"
                    fields:
                      value: $cents(total)
            """;

    private final Map<String, String> settings = new HashMap<>(Map.of("secret", "t"));
    private Optional<String> learned = Optional.empty();

    private FileMapper mapper() {
        ContactDirectory directory = new ContactDirectory(null) {
            @Override
            public Optional<String> emailFor(String phone) {
                return phone == null ? Optional.empty() : learned;
            }
        };
        return new FileMapper(MappingFileReader.read("acme.yaml", FILE), settings::get,
                new FileMapper.Context(Clock.systemUTC(), new ContactResolver(directory), EcommerceFamily.CURRENT));
    }

    private static Webhook webhook(String body) {
        return new Webhook("acme", "/webhooks/acme", null, Map.of(), Map.of(), body.getBytes(StandardCharsets.UTF_8),
                Instant.now(), "https://ponte.example.com/webhooks/acme");
    }

    @Test
    void aChallengeIsAnsweredAsTheFileSays() {
        MappingResult result = mapper().map(webhook("{\"kind\":\"ping\",\"challenge\":\"c-123\"}"));
        assertThat(result).isEqualTo(new MappingResult.Reply("ping", 200, "application/json", "{\"challenge\":\"c-123\"}"));
    }

    @Test
    void eachStageWithItsOwnDeliveryIdIsItsOwnDelivery() {
        MappingResult result = mapper().map(webhook("{\"kind\":\"order\",\"id\":\"9\",\"email\":\"Ana@Example.com\","
                + "\"paid\":true,\"total\":12990}"));
        assertThat(result).isInstanceOfSatisfying(MappingResult.Several.class, several -> {
            assertThat(several.deliveries()).extracting(MappingResult.Mapped::deliveryId)
                    .containsExactly("acme-9:created", "acme-9:paid");
            assertThat(RdJson.tree(several.deliveries().get(1).events())).isEqualTo(Fixtures.parse("[{\"event_type\":"
                    + "\"SALE\",\"event_family\":\"CDP\",\"payload\":{\"funnel_name\":\"default\",\"email\":"
                    + "\"ana@example.com\",\"value\":129.90}}]"));
        });
        // One stage alone is one delivery.
        assertThat(mapper().map(webhook("{\"kind\":\"order\",\"id\":\"9\",\"email\":\"ana@example.com\",\"paid\":false}")))
                .isInstanceOfSatisfying(MappingResult.Mapped.class, m -> assertThat(m.deliveryId()).isEqualTo("acme-9:created"));
    }

    @Test
    void theVendorsFunnelSettingsDecideItsFunnelEvents() {
        settings.put("funnel", "Vendas online");
        settings.put("funnel-events", "sale");
        MappingResult result = mapper().map(webhook("{\"kind\":\"order\",\"id\":\"9\",\"email\":\"ana@example.com\","
                + "\"paid\":true,\"total\":100}"));
        assertThat(result).isInstanceOfSatisfying(MappingResult.Mapped.class, mapped -> {
            assertThat(mapped.deliveryId()).isEqualTo("acme-9:paid");
            assertThat(RdJson.tree(mapped.events()).get(0).path("payload").path("funnel_name").asText()).isEqualTo("Vendas online");
        });
        settings.put("funnel-events", "none");
        assertThat(mapper().map(webhook("{\"kind\":\"order\",\"id\":\"9\",\"email\":\"ana@example.com\",\"paid\":true}")))
                .isInstanceOf(MappingResult.Ignored.class);
    }

    @Test
    void settingsDefaultsTheEcommerceFamilyAndLegalBasesReachTheEvent() {
        settings.put("region", "SP");
        settings.put("ecommerce-events", "legacy");
        settings.put("legal-bases", "communications:consent:granted");
        MappingResult.Mapped mapped = (MappingResult.Mapped) mapper().map(webhook("{\"kind\":\"lead\",\"id\":\"1\","
                + "\"email\":\"ana@example.com\",\"source\":\"ads\"}"));
        assertThat(RdJson.tree(mapped.events())).isEqualTo(Fixtures.parse("[{\"event_type\":\"CONVERSION\","
                + "\"event_family\":\"CDP\",\"payload\":{\"email\":\"ana@example.com\",\"conversion_identifier\":"
                + "\"acme-lead\",\"state\":\"SP\",\"tags\":[\"legacy\"],\"cf_source\":\"ads\",\"legal_bases\":[{"
                + "\"category\":\"communications\",\"type\":\"consent\",\"status\":\"granted\"}]}}]"));
    }

    @Test
    void aPhoneWithoutEmailWaitsForTheContactAndNothingAtAllIsAcknowledged() {
        assertThat(mapper().map(webhook("{\"kind\":\"lead\",\"id\":\"1\",\"phone\":\"(11) 98765-4321\"}")))
                .isInstanceOfSatisfying(MappingResult.Unresolved.class, unresolved -> {
                    assertThat(unresolved.waitingFor()).isEqualTo("+5511987654321");
                    assertThat(unresolved.deliveryId()).isEqualTo("acme-1");
                });
        learned = Optional.of("ana@example.com");
        assertThat(mapper().map(webhook("{\"kind\":\"lead\",\"id\":\"1\",\"phone\":\"(11) 98765-4321\"}")))
                .isInstanceOfSatisfying(MappingResult.Mapped.class, mapped -> assertThat(RdJson.tree(mapped.events())
                        .get(0).path("payload").path("email").asText()).isEqualTo("ana@example.com"));
        assertThat(mapper().map(webhook("{\"kind\":\"lead\",\"id\":\"1\"}"))).isEqualTo(
                new MappingResult.Ignored("lead", "No way to reach this lead."));
        assertThat(mapper().map(webhook("{\"kind\":\"lead\",\"id\":\"1\",\"test\":true,\"email\":\"a@b.co\"}")))
                .isEqualTo(new MappingResult.Ignored("lead", "A test lead."));
    }

    @Test
    void aSettingThatCannotBeRightStopsStartUpNamingItsVariable() {
        settings.put("ecommerce-events", "newest");
        assertThatThrownBy(this::mapper).hasMessage("PONTE_VENDORS_ACME_ECOMMERCE_EVENTS is current or legacy, not newest");
        settings.remove("ecommerce-events");
        settings.put("legal-bases", "consent");
        assertThatThrownBy(this::mapper).hasMessageStartingWith("PONTE_VENDORS_ACME_LEGAL_BASES: Legal basis 'consent'");
    }

    @Test
    void customFieldsAreOnlyCfNames() {
        String file = FILE.replace("\"{'cf_source': source}\"", "\"{'source': source}\"");
        FileMapper wrong = new FileMapper(MappingFileReader.read("acme.yaml", file), settings::get,
                new FileMapper.Context(Clock.systemUTC(), null, EcommerceFamily.CURRENT));
        assertThatThrownBy(() -> wrong.map(webhook("{\"kind\":\"lead\",\"id\":\"1\",\"email\":\"a@b.co\",\"source\":\"x\"}")))
                .isInstanceOf(MalformedPayload.class).hasMessage("acme.yaml: the custom field source is not named cf_<api identifier>.");
    }
}
