package dev.ponte.testing;

import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a vendor's real example webhook (the tests' fixtures), signed exactly as that vendor signs
 * it (the tests' signer), to a running Ponte:
 * {@code ./mvnw -q test-compile exec:java@send -Dvendor=twilio -Dtopic=completed -Demail=maria@example.com}
 * ({@code -Demail} goes on the webhook URL, as a phone system's needs it).
 * The secrets are dev mode's, from application.properties, unless {@code PONTE_VENDORS_<VENDOR>_SECRET}
 * says otherwise; {@code -Durl} is where Ponte listens (dev mode's {@code http://localhost:8080}).
 */
public final class Send {

    private static final Pattern DEV_SECRET = Pattern.compile("(?m)^%dev\\.ponte\\.vendors\\.([a-z]+)\\.secret=(.*)$");
    private static final String DEV_URL = "http://localhost:8080";
    /** Where a vendor's first example (by name) is one Ponte acknowledges without an event, the one to send instead. */
    private static final Map<String, String> DEFAULT_TOPICS = Map.of("stripe", "checkout.session.completed");

    private Send() {
    }

    public static void main(String[] args) {
        String url = System.getProperty("url", DEV_URL).replaceAll("/+$", "");
        String vendor = System.getProperty("vendor", "").trim().toLowerCase(Locale.ROOT);
        String topic = System.getProperty("topic", "").trim();
        List<SignedRequests.Sample> samples = SignedRequests.fixtures();
        if (vendor.isEmpty()) {
            System.out.println("Which vendor? -Dvendor=<vendor> [-Dtopic=<topic>], one of:");
            samplesByVendor(samples).forEach((name, topics) -> System.out.println("  " + name + ": " + String.join(", ", topics)));
            return;
        }
        SignedRequests.Sample sample;
        try {
            sample = choose(samples, vendor, topic);
        } catch (IllegalArgumentException unknown) {
            System.out.println(unknown.getMessage()); // a typo deserves the list, not a stack trace
            System.exit(2);
            return;
        }
        String email = System.getProperty("email", "").trim();
        Response answer = send(secrets(System.getenv(), url), url, sample, email.isEmpty() ? Map.of() : Map.of("email", email));
        System.out.println("POST " + url + "/webhooks/" + sample.vendor() + " (" + sample.topic() + ") → " + answer.statusCode()
                + " " + answer.asString());
        if (answer.statusCode() >= 300) {
            System.exit(1);
        }
    }

    /** Posts {@code sample} to the Ponte at {@code url} with {@code query} on the webhook URL, signed with {@code secrets}. */
    public static Response send(SignedRequests.Secrets secrets, String url, SignedRequests.Sample sample, Map<String, String> query) {
        return SignedRequests.signed(secrets, sample.vendor(), sample.topic(), sample.body(), Instant.now(), query)
                .post(url + "/webhooks/" + sample.vendor());
    }

    /**
     * Dev mode's secrets as application.properties sets them, each replaced by
     * {@code PONTE_VENDORS_<VENDOR>_SECRET} where {@code environment} has it; the public URL is
     * {@code PONTE_PUBLIC_URL}, else {@code url}.
     */
    public static SignedRequests.Secrets secrets(Map<String, String> environment, String url) {
        Map<String, String> secrets = new TreeMap<>();
        Matcher dev = DEV_SECRET.matcher(read(Path.of("src/main/resources/application.properties")));
        while (dev.find()) {
            String vendor = dev.group(1);
            String set = environment.get("PONTE_VENDORS_" + vendor.toUpperCase(Locale.ROOT) + "_SECRET");
            secrets.put(vendor, set != null && !set.isBlank() ? set : dev.group(2).trim());
        }
        String publicUrl = environment.getOrDefault("PONTE_PUBLIC_URL", url).replaceAll("/+$", "");
        return new SignedRequests.Secrets(Map.copyOf(secrets), publicUrl);
    }

    /** The vendor's sample under {@code topic} (as the vendor names it, or as its file is named); its first without one. */
    public static SignedRequests.Sample choose(List<SignedRequests.Sample> samples, String vendor, String topic) {
        List<SignedRequests.Sample> own = samples.stream().filter(s -> s.vendor().equals(vendor)).toList();
        if (own.isEmpty()) {
            throw new IllegalArgumentException("No examples for vendor '" + vendor + "'. Vendors: "
                    + String.join(", ", samplesByVendor(samples).keySet()));
        }
        if (topic.isEmpty()) {
            String preferred = DEFAULT_TOPICS.get(vendor);
            return own.stream().filter(s -> s.topic().equals(preferred)).findFirst().orElse(own.get(0));
        }
        String asFile = topic.replace('/', '-');
        return own.stream().filter(s -> s.topic().equals(topic) || s.topic().replace('/', '-').equals(asFile)
                        || s.topic().replace('.', '-').equals(asFile)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No " + vendor + " example for topic '" + topic + "'. Topics: "
                        + String.join(", ", own.stream().map(SignedRequests.Sample::topic).toList())));
    }

    private static Map<String, List<String>> samplesByVendor(List<SignedRequests.Sample> samples) {
        Map<String, List<String>> byVendor = new TreeMap<>();
        for (SignedRequests.Sample sample : samples) {
            byVendor.computeIfAbsent(sample.vendor(), v -> new java.util.ArrayList<>()).add(sample.topic());
        }
        return byVendor;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
