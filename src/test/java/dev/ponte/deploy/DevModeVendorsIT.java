package dev.ponte.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.rd.events.RdJson;
import dev.ponte.testing.Send;
import dev.ponte.testing.SignedRequests;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's first ten minutes, without an account anywhere: Ponte on dev mode's configuration
 * (the sandbox standing in for RD and for the store APIs), and the README's {@code send} command
 * for every vendor, with nothing but dev mode's own secrets. Each vendor's default example
 * reaches the sandbox as RD events.
 */
class DevModeVendorsIT {

    private static final Pattern README_SEND = Pattern.compile(
            "exec:java@send -Dvendor=([a-z]+) -Dtopic=([^\\s`]+)(?: -Demail=([^\\s`]+))?");

    @TempDir
    Path work;

    HttpServer ponte;

    /** A fresh Ponte for each test: the same example sent twice is, rightly, a duplicate. */
    @BeforeEach
    void start() throws Exception {
        // No Node on the PATH, as on a new user's machine: nothing Ponte runs may need it.
        ponte = HttpServer.startDevProfile(Map.of("PATH", work.resolve("no-node").toString()), work);
    }

    @AfterEach
    void stop() throws Exception {
        if (ponte != null) {
            ponte.close();
        }
    }

    @Test
    void everyVendorsDefaultExampleReachesTheSandbox() {
        String url = ponte.url("");
        SignedRequests.Secrets secrets = Send.secrets(Map.of(), url);
        List<SignedRequests.Sample> samples = SignedRequests.fixtures();
        Map<String, String> problems = new TreeMap<>();
        List<String> vendors = samples.stream().map(SignedRequests.Sample::vendor).distinct().toList();
        for (String vendor : vendors) {
            // Twilio's call carries only numbers: the README's command names the email on the URL.
            Map<String, String> query = vendor.equals("twilio") ? Map.of("email", "maria+calls@example.com") : Map.of();
            problem(secrets, url, Send.choose(samples, vendor, ""), query).ifPresent(problem -> problems.put(vendor, problem));
        }
        assertThat(vendors).hasSize(17);
        assertThat(problems).as("vendors whose example did not reach the sandbox; Ponte's log:\n" + ponte.log()).isEmpty();
    }

    /** Every {@code send} command the README shows, as a new user would paste it. */
    @Test
    void everySendCommandInTheReadmeReachesTheSandbox() throws Exception {
        Matcher command = README_SEND.matcher(java.nio.file.Files.readString(Path.of("README.md")));
        String url = ponte.url("");
        SignedRequests.Secrets secrets = Send.secrets(Map.of(), url);
        List<SignedRequests.Sample> samples = SignedRequests.fixtures();
        Map<String, String> problems = new TreeMap<>();
        java.util.Set<String> vendors = new java.util.TreeSet<>();
        java.util.Set<String> sent = new java.util.HashSet<>();
        while (command.find()) {
            String vendor = command.group(1);
            if (!sent.add(vendor + " " + command.group(2))) {
                continue; // shown twice in the README: the second would rightly be a duplicate
            }
            vendors.add(vendor);
            Map<String, String> query = command.group(3) == null ? Map.of() : Map.of("email", command.group(3));
            problem(secrets, url, Send.choose(samples, vendor, command.group(2)), query)
                    .ifPresent(problem -> problems.put(command.group(), problem));
        }
        assertThat(vendors).as("vendors the README shows a send command for").hasSize(17);
        assertThat(problems).as("README commands whose webhook did not reach the sandbox; Ponte's log:\n" + ponte.log()).isEmpty();
    }

    /**
     * The README's first examples, run by bash as a new user pastes them (curl, openssl): the
     * event to {@code /events}, the signed Shopify order, and the same event without its email.
     */
    @Test
    void theReadmesFirstExamplesAnswerWhatTheReadmePrints() throws Exception {
        String readme = java.nio.file.Files.readString(Path.of("README.md"));
        String event = shellBlock(readme, "curl -s http://localhost:8080/events");
        String shopify = shellBlock(readme, "curl -s http://localhost:8080/webhooks/shopify");
        assertThat(bash(event)).contains("\"event_uuid\"");
        assertThat(bash(shopify)).contains("\"outcome\":\"delivered\"", "\"events\":2");
        String withoutEmail = event.replace("\"email\":\"maria@example.com\",", "");
        assertThat(withoutEmail).isNotEqualTo(event);
        assertThat(bash(withoutEmail)).contains("\"error_type\":\"CANNOT_BE_NULL\"", "\"path\":\"$.body.payload.email\"");
    }

    /** The README's shell block that holds {@code marker}, without its comment lines, pointed at this Ponte. */
    private String shellBlock(String readme, String marker) {
        Matcher block = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL).matcher(readme);
        while (block.find()) {
            if (block.group(1).contains(marker)) {
                return block.group(1).lines().filter(line -> !line.startsWith("#"))
                        .map(line -> line.replace("http://localhost:8080", ponte.url("").replaceAll("/$", "")))
                        .collect(java.util.stream.Collectors.joining("\n"));
            }
        }
        throw new AssertionError("the README has no shell block with " + marker);
    }

    private static String bash(String script) throws Exception {
        Process bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(bash.waitFor()).as(output).isZero();
        return output;
    }

    /** Sends {@code sample}; what went wrong if Ponte did not answer 200 or the sandbox got no event from it. */
    private java.util.Optional<String> problem(SignedRequests.Secrets secrets, String url, SignedRequests.Sample sample,
            Map<String, String> query) {
        int before = sandboxEvents().size();
        Response answer = Send.send(secrets, url, sample, query);
        JsonNode events = sandboxEvents();
        int reached = events.size() - before;
        if (answer.statusCode() != 200 || reached == 0) {
            return java.util.Optional.of(answer.statusCode() + " " + answer.asString() + ", " + reached + " event(s) in the sandbox");
        }
        // Newest first: the sandbox names the vendor that produced each of them.
        for (int i = 0; i < reached; i++) {
            if (!sample.vendor().equals(events.get(i).path("source").asText())) {
                return java.util.Optional.of("the sandbox names " + events.get(i).path("source") + " as its source: " + events.get(i));
            }
        }
        return java.util.Optional.empty();
    }

    private JsonNode sandboxEvents() {
        String body = RestAssured.given().get(ponte.sandboxUrl("/sandbox/events")).then().statusCode(200)
                .extract().asString();
        try {
            return RdJson.mapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
