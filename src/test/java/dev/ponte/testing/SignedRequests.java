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
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Any vendor's webhook, signed exactly as that vendor signs it, with the secrets {@link WireMockRd}
 * configures and the same signing code Ponte verifies with: for tests that sweep every vendor.
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

    /** The request the vendor would send with {@code body} under {@code topic}, signed as it signs. */
    public static RequestSpecification signed(String vendor, String topic, byte[] body, Instant now) {
        RequestSpecification request = given().contentType("application/json");
        return switch (vendor) {
            case "shopify" -> request.header("X-Shopify-Topic", topic)
                    .header("X-Shopify-Webhook-Id", UUID.randomUUID().toString())
                    .header("X-Shopify-Hmac-Sha256", Signatures.base64(Signatures.Algorithm.SHA256, WireMockRd.SHOPIFY_SECRET, body))
                    .body(body);
            case "woocommerce" -> request.header("X-WC-Webhook-Topic", topic).header("X-WC-Webhook-Resource", "order")
                    .header("X-WC-Webhook-Delivery-ID", UUID.randomUUID().toString())
                    .header("X-WC-Webhook-Signature", Signatures.base64(Signatures.Algorithm.SHA256, WireMockRd.WOOCOMMERCE_SECRET, body))
                    .body(body);
            case "nuvemshop" -> request.header("x-linkedstore-hmac-sha256",
                    Signatures.hex(Signatures.Algorithm.SHA256, WireMockRd.NUVEMSHOP_SECRET, body)).body(body);
            case "tawkto" -> request.header("X-Hook-Event-Id", UUID.randomUUID().toString())
                    .header("X-Tawk-Signature", Signatures.hex(Signatures.Algorithm.SHA1, WireMockRd.TAWKTO_SECRET, body)).body(body);
            case "intercom" -> request.header("X-Hub-Signature",
                    "sha1=" + Signatures.hex(Signatures.Algorithm.SHA1, WireMockRd.INTERCOM_SECRET, body)).body(body);
            case "wistia" -> request.header("X-Wistia-Signature",
                    Signatures.hex(Signatures.Algorithm.SHA256, WireMockRd.WISTIA_SECRET, body)).body(body);
            case "zoom" -> {
                long at = now.getEpochSecond();
                byte[] signed = ("v0:" + at + ":" + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                yield request.header("x-zm-request-timestamp", Long.toString(at))
                        .header("x-zm-signature", "v0=" + Signatures.hex(Signatures.Algorithm.SHA256, WireMockRd.ZOOM_SECRET, signed))
                        .body(body);
            }
            case "vtex" -> request.header("X-Ponte-Hook-Key", WireMockRd.VTEX_HOOK_KEY).body(body);
            case "jivochat" -> request.queryParam("token", WireMockRd.JIVOCHAT_TOKEN).body(body);
            case "aircall" -> request.body(body); // the token travels inside the body
            case "twilio" -> {
                String text = new String(body, StandardCharsets.UTF_8);
                yield given().urlEncodingEnabled(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                        .header("X-Twilio-Signature", twilioSignature(text))
                        .body(text);
            }
            case "hotmart" -> request.header("X-HOTMART-HOTTOK", WireMockRd.HOTMART_TOKEN).body(body);
            case "kiwify" -> request.queryParam("signature", Signatures.hex(Signatures.Algorithm.SHA1, WireMockRd.KIWIFY_TOKEN, body))
                    .body(body);
            case "eduzz" -> request.header("x-signature", Signatures.hex(Signatures.Algorithm.SHA256, WireMockRd.EDUZZ_SECRET, body))
                    .body(body);
            case "typeform" -> request.header("Typeform-Signature",
                    "sha256=" + Signatures.base64(Signatures.Algorithm.SHA256, WireMockRd.TYPEFORM_SECRET, body)).body(body);
            case "calendly" -> request.header("Calendly-Webhook-Signature", timestamped(WireMockRd.CALENDLY_KEY, body, now))
                    .body(body);
            case "stripe" -> request.header("Stripe-Signature", timestamped(WireMockRd.STRIPE_SECRET, body, now)).body(body);
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
    private static String twilioSignature(String form) {
        try {
            return TwilioSignature.of(WireMockRd.TWILIO_TOKEN, WireMockRd.PUBLIC_URL + "/webhooks/twilio", FormBody.parse(form));
        } catch (dev.ponte.mapping.MalformedPayload unparseable) {
            return "unsignable";
        }
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
