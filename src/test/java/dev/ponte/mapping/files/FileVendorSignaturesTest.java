package dev.ponte.mapping.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.mapping.Signatures;
import dev.ponte.mapping.VendorMapper;
import dev.ponte.mapping.Webhook;
import dev.ponte.testing.FileVendors;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.SignedRequests;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped vendors' proofs: the vendors' own vectors where they published or sent them, and
 * for each a valid, a wrong-secret, a tampered, a missing and (where a time is signed) a stale
 * signature, signed with the code Ponte verifies with.
 */
class FileVendorSignaturesTest {

    static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static VendorMapper vendor(String name, String secret) {
        return FileVendors.shipped(name, Map.of("secret", secret), CLOCK);
    }

    static Webhook webhook(String vendor, Map<String, String> headers, Map<String, List<String>> query, String body) {
        return new Webhook(vendor, "/webhooks/" + vendor, null, headers, query, body.getBytes(StandardCharsets.UTF_8),
                NOW, "https://ponte.example.com/webhooks/" + vendor);
    }

    /** Kiwify's own deliveries with the signatures Kiwify sent, under the webhook's token. */
    @ParameterizedTest
    @CsvSource({"billet_created, 06f61a6aff46cea884f02a981caedc92c3c247b8",
            "pix_created, c917b9ac6d93c7f7a4ae2163aff0bdc482d1cc75"})
    void kiwifysRealSignatures(String fixture, String signature) {
        String body = Fixtures.text("vendors/kiwify/" + fixture + ".json");
        VendorMapper kiwify = vendor("kiwify", "9ch0bpzogu9");
        assertThat(kiwify.verify(webhook("kiwify", Map.of(), Map.of("signature", List.of(signature)), body)).genuine()).isTrue();
        assertThat(kiwify.verify(webhook("kiwify", Map.of(), Map.of("signature", List.of(signature)),
                body.replace("John Doe", "Jane Doe"))).problem())
                .isEqualTo("The signature query parameter does not match the body signed with the vendor's secret.");
        assertThat(vendor("kiwify", "another-token").verify(webhook("kiwify", Map.of(),
                Map.of("signature", List.of(signature)), body)).genuine()).isFalse();
        assertThat(kiwify.verify(webhook("kiwify", Map.of(), Map.of(), body)).problem())
                .isEqualTo("The signature query parameter is missing.");
    }

    /** Stripe's SDK test payload and secret; the header was checked with stripe-python's own verify_header. */
    @Test
    void stripesSdkVector() {
        String body = Fixtures.text("signatures/stripe-python-payload.txt");
        String header = "t=1700000000,v1=3bfab77baf5f7b6991a46c9b53b6547d7afc56148b10468fcad9f35c1992ffbd";
        VendorMapper stripe = vendor("stripe", "whsec_test_secret");
        assertThat(stripe.verify(webhook("stripe", Map.of("Stripe-Signature", header), Map.of(), body)).genuine()).isTrue();
        // While a secret is rotated Stripe signs with both: either may match.
        assertThat(stripe.verify(webhook("stripe", Map.of("Stripe-Signature", "t=1700000000,v1=00ff,"
                + header.substring(header.indexOf("v1="))), Map.of(), body)).genuine()).isTrue();
        assertThat(vendor("stripe", "whsec_other").verify(webhook("stripe", Map.of("Stripe-Signature", header),
                Map.of(), body)).genuine()).isFalse();
        VendorMapper later = FileVendors.shipped("stripe", Map.of("secret", "whsec_test_secret"),
                Clock.fixed(NOW.plusSeconds(301), ZoneOffset.UTC));
        assertThat(later.verify(webhook("stripe", Map.of("Stripe-Signature", header), Map.of(), body)).problem())
                .isEqualTo("The signature's timestamp is more than 300 s away: a replay, or a clock far off.");
    }

    /** Vectors computed apart from Ponte (Python's hmac) over the fixtures, with the secrets the vendors' examples use. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "typeform | typeform/form_response.json | abc123 | Typeform-Signature | sha256=tR6vNLC33nHoO5uIF4NN40e8pAfRWKAUT75CAmJOahs=",
        "calendly | calendly/invitee.created.json | webhook-signing-secret | Calendly-Webhook-Signature | t=1700000000,v1=0f569c279be9a3093843f7097e1c658734649ebacb1a54d7c5b0a1b95e0ef90f",
        "eduzz | eduzz/invoice_opened.json | chave_secreta_exemplo | x-signature | c71c4c85f85f3876587ef445d77ebaf424879f972a919b23cc69bf02f100c2ba"})
    void independentVectors(String name, String fixture, String secret, String header, String signature) {
        String body = Fixtures.text("vendors/" + fixture);
        assertThat(vendor(name, secret).verify(webhook(name, Map.of(header, signature), Map.of(), body)).genuine()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "hotmart | hotmart/PURCHASE_APPROVED.json | X-HOTMART-HOTTOK | false",
        "eduzz | eduzz/invoice_paid.json | x-signature | false",
        "typeform | typeform/form_response.json | Typeform-Signature | false",
        "calendly | calendly/invitee.created.json | Calendly-Webhook-Signature | true",
        "stripe | stripe/checkout.session.completed.json | Stripe-Signature | true"})
    void validWrongTamperedMissingAndStale(String name, String fixture, String header, boolean timed) {
        String body = Fixtures.text("vendors/" + fixture);
        String secret = "the-" + name + "-secret";
        VendorMapper mapper = vendor(name, secret);
        String signature = sign(name, secret, body, NOW);

        assertThat(mapper.verify(webhook(name, Map.of(header, signature), Map.of(), body)).genuine()).isTrue();
        assertThat(mapper.verify(webhook(name, Map.of(header, sign(name, "wrong", body, NOW)), Map.of(), body))
                .genuine()).isFalse();
        String tampered = body.replaceFirst("@", "+evil@");
        assertThat(tampered).isNotEqualTo(body);
        assertThat(mapper.verify(webhook(name, Map.of(header, signature), Map.of(), tampered)).genuine())
                .isEqualTo(name.equals("hotmart")); // Hotmart signs nothing: its token proves only the sender.
        assertThat(mapper.verify(webhook(name, Map.of(), Map.of(), body)).problem()).isEqualTo("The " + header
                + " header is missing.");
        if (timed) {
            String stale = sign(name, secret, body, NOW.minusSeconds(301));
            assertThat(mapper.verify(webhook(name, Map.of(header, stale), Map.of(), body)).problem())
                    .contains("more than 300 s away");
        }
    }

    private static String sign(String vendor, String secret, String body, Instant at) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return switch (vendor) {
            case "hotmart" -> secret;
            case "eduzz" -> Signatures.hex(Signatures.Algorithm.SHA256, secret, bytes);
            case "typeform" -> "sha256=" + Signatures.base64(Signatures.Algorithm.SHA256, secret, bytes);
            default -> SignedRequests.timestamped(secret, bytes, at);
        };
    }
}
