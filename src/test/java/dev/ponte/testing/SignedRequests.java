package dev.ponte.testing;

import static io.restassured.RestAssured.given;

import dev.ponte.mapping.FormBody;
import dev.ponte.mapping.Signatures;
import dev.ponte.vendors.twilio.TwilioSignature;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Any vendor's webhook, signed exactly as that vendor signs it, with the same signing code Ponte
 * verifies with: with the secrets {@link WireMockRd} configures, for tests that sweep every vendor,
 * or with a running Ponte's, for {@link Send}.
 */
public final class SignedRequests {

    /** One real example webhook: the vendor, the topic it is sent under, its bytes. */
    public record Sample(String vendor, String topic, byte[] body) {

        @Override
        public String toString() {
            return vendor + " " + topic;
        }
    }

    private SignedRequests() {
    }

    /** Every example webhook under {@code src/test/resources/vendors/}, expectations and API answers left out. */
    public static List<Sample> fixtures() {
        try (Stream<Path> files = Files.walk(Path.of(SignedRequests.class.getResource("/vendors").toURI()))) {
            List<Sample> samples = new ArrayList<>();
            files.filter(Files::isRegularFile).sorted().forEach(file -> {
                String name = file.getFileName().toString();
                String vendor = file.getParent().getFileName().toString();
                if (name.contains(".expected.") || name.endsWith(".md") || isApiAnswer(vendor, name)) {
                    return;
                }
                samples.add(new Sample(vendor, topic(vendor, name), read(file)));
            });
            return samples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The secrets a Ponte is configured with, as its vendors know them, and the public URL they
     * call it at (Twilio signs the URL).
     */
    public record Secrets(Map<String, String> byVendor, String publicUrl) {

        /** Those {@link WireMockRd} configures for the tests. */
        public static final Secrets TESTS = new Secrets(Map.ofEntries(
                Map.entry("shopify", WireMockRd.SHOPIFY_SECRET), Map.entry("woocommerce", WireMockRd.WOOCOMMERCE_SECRET),
                Map.entry("nuvemshop", WireMockRd.NUVEMSHOP_SECRET), Map.entry("vtex", WireMockRd.VTEX_HOOK_KEY),
                Map.entry("twilio", WireMockRd.TWILIO_TOKEN), Map.entry("jivochat", WireMockRd.JIVOCHAT_TOKEN),
                Map.entry("tawkto", WireMockRd.TAWKTO_SECRET), Map.entry("intercom", WireMockRd.INTERCOM_SECRET),
                Map.entry("aircall", WireMockRd.AIRCALL_TOKEN), Map.entry("zoom", WireMockRd.ZOOM_SECRET),
                Map.entry("wistia", WireMockRd.WISTIA_SECRET), Map.entry("hotmart", WireMockRd.HOTMART_TOKEN),
                Map.entry("kiwify", WireMockRd.KIWIFY_TOKEN), Map.entry("eduzz", WireMockRd.EDUZZ_SECRET),
                Map.entry("calendly", WireMockRd.CALENDLY_KEY), Map.entry("typeform", WireMockRd.TYPEFORM_SECRET),
                Map.entry("stripe", WireMockRd.STRIPE_SECRET)), WireMockRd.PUBLIC_URL);

        String of(String vendor) {
            String secret = byVendor.get(vendor);
            if (secret == null) {
                throw new IllegalArgumentException("no secret for " + vendor);
            }
            return secret;
        }
    }

    /** The request the vendor would send with {@code body} under {@code topic}, signed as it signs, for the tests. */
    public static RequestSpecification signed(String vendor, String topic, byte[] body, Instant now) {
        return signed(Secrets.TESTS, vendor, topic, body, now);
    }

    /** The request the vendor would send with {@code body} under {@code topic}, signed with {@code secrets} as it signs. */
    public static RequestSpecification signed(Secrets secrets, String vendor, String topic, byte[] body, Instant now) {
        return signed(secrets, vendor, topic, body, now, Map.of());
    }

    /**
     * The same, to a webhook URL that carries {@code query} (as a user adds {@code ?email=} for a
     * phone system), which the vendors that sign the URL sign too.
     */
    public static RequestSpecification signed(Secrets secrets, String vendor, String topic, byte[] body, Instant now,
            Map<String, String> query) {
        RequestSpecification request = given().contentType("application/json").queryParams(query);
        String secret = secrets.of(vendor);
        return switch (vendor) {
            case "shopify" -> request.header("X-Shopify-Topic", topic)
                    .header("X-Shopify-Webhook-Id", UUID.randomUUID().toString())
                    .header("X-Shopify-Hmac-Sha256", Signatures.base64(Signatures.Algorithm.SHA256, secret, body))
                    .body(body);
            case "woocommerce" -> request.header("X-WC-Webhook-Topic", topic).header("X-WC-Webhook-Resource", "order")
                    .header("X-WC-Webhook-Delivery-ID", UUID.randomUUID().toString())
                    .header("X-WC-Webhook-Signature", Signatures.base64(Signatures.Algorithm.SHA256, secret, body))
                    .body(body);
            case "nuvemshop" -> request.header("x-linkedstore-hmac-sha256",
                    Signatures.hex(Signatures.Algorithm.SHA256, secret, body)).body(body);
            case "tawkto" -> request.header("X-Hook-Event-Id", UUID.randomUUID().toString())
                    .header("X-Tawk-Signature", Signatures.hex(Signatures.Algorithm.SHA1, secret, body)).body(body);
            case "intercom" -> request.header("X-Hub-Signature",
                    "sha1=" + Signatures.hex(Signatures.Algorithm.SHA1, secret, body)).body(body);
            case "wistia" -> request.header("X-Wistia-Signature",
                    Signatures.hex(Signatures.Algorithm.SHA256, secret, body)).body(body);
            case "zoom" -> {
                long at = now.getEpochSecond();
                byte[] signed = ("v0:" + at + ":" + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                yield request.header("x-zm-request-timestamp", Long.toString(at))
                        .header("x-zm-signature", "v0=" + Signatures.hex(Signatures.Algorithm.SHA256, secret, signed))
                        .body(body);
            }
            case "vtex" -> request.header("X-Ponte-Hook-Key", secret).body(body);
            case "jivochat" -> request.queryParam("token", secret).body(body);
            case "aircall" -> request.body(withToken(body, secret)); // the token travels inside the body
            case "twilio" -> {
                String text = new String(body, StandardCharsets.UTF_8);
                // Sent exactly as signed: the query encoded here once, and RestAssured told not to again.
                Map<String, String> encoded = new java.util.LinkedHashMap<>();
                query.forEach((name, value) -> encoded.put(name, java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
                String url = secrets.publicUrl() + "/webhooks/twilio" + (encoded.isEmpty() ? "" : "?" + encoded.entrySet().stream()
                        .map(p -> p.getKey() + "=" + p.getValue()).collect(java.util.stream.Collectors.joining("&")));
                yield given().urlEncodingEnabled(false).queryParams(encoded)
                        .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                        .header("X-Twilio-Signature", twilioSignature(secret, url, text))
                        .body(text);
            }
            case "hotmart" -> request.header("X-HOTMART-HOTTOK", secret).body(body);
            case "kiwify" -> request.queryParam("signature", Signatures.hex(Signatures.Algorithm.SHA1, secret, body))
                    .body(body);
            case "eduzz" -> request.header("x-signature", Signatures.hex(Signatures.Algorithm.SHA256, secret, body))
                    .body(body);
            case "typeform" -> request.header("Typeform-Signature",
                    "sha256=" + Signatures.base64(Signatures.Algorithm.SHA256, secret, body)).body(body);
            case "calendly" -> request.header("Calendly-Webhook-Signature", timestamped(secret, body, now))
                    .body(body);
            case "stripe" -> request.header("Stripe-Signature", timestamped(secret, body, now)).body(body);
            default -> throw new IllegalArgumentException("no signer for " + vendor);
        };
    }

    /** Stripe's and Calendly's {@code t=<seconds>,v1=<hex HMAC-SHA256 of "t.body">}. */
    public static String timestamped(String secret, byte[] body, Instant now) {
        long at = now.getEpochSecond();
        byte[] signed = (at + "." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        return "t=" + at + ",v1=" + Signatures.hex(Signatures.Algorithm.SHA256, secret, signed);
    }

    /** Twilio signs the URL and the form's fields; a form too broken to parse cannot be signed at all. */
    private static String twilioSignature(String token, String url, String form) {
        try {
            return TwilioSignature.of(token, url, FormBody.parse(form));
        } catch (dev.ponte.mapping.MalformedPayload unparseable) {
            return "unsignable";
        }
    }

    /** Aircall's token is a field of the body it sends; a body that is not a JSON object goes as it is. */
    private static byte[] withToken(byte[] body, String token) {
        try {
            if (dev.ponte.rd.events.RdJson.parse(body) instanceof com.fasterxml.jackson.databind.node.ObjectNode object
                    && object.has("token") && !token.equals(object.path("token").asText())) {
                object.put("token", token);
                return dev.ponte.rd.events.RdJson.bytes(object);
            }
        } catch (IOException notJson) {
            // sent as it is, as a broken body would be
        }
        return body;
    }

    /** Files that are the vendor API's answers (orders read back), not webhooks. */
    private static boolean isApiAnswer(String vendor, String name) {
        return (vendor.equals("nuvemshop") || vendor.equals("vtex")) && name.startsWith("order-")
                && Character.isDigit(name.charAt("order-".length()));
    }

    private static String topic(String vendor, String name) {
        String base = name.substring(0, name.lastIndexOf('.'));
        return switch (vendor) {
            case "shopify" -> base.replaceFirst("-", "/");
            case "woocommerce" -> base.replace("order-", "order.");
            default -> base;
        };
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
