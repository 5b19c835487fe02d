package dev.ponte.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.rd.events.RdJson;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.Send;
import dev.ponte.testing.SignedRequests;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What can wait for the first webhook is not made by the start, and a server warms its webhook
 * path once it listens. RD's REST client (Quarkus's client builder, Vert.x's HTTP client, their
 * annotations read reflectively) is the largest piece, and the JVM's class-load log shows when it
 * was loaded: with the warm-up off, by the first webhook and not by the start; with it on (the
 * default), after the server listens and before any webhook, with RD's access token fetched and
 * no event sent or recorded. Neither the queue's senders (in direct mode) nor CRaC (SnapStart's,
 * off Lambda) are made by a server's start.
 */
class StartupWaitsIT {

    private static final String RD_CLIENT_BUILDER = "io.quarkus.rest.client.reactive.runtime.RestClientBuilderImpl ";

    @TempDir
    Path work;

    @Test
    void rdsClientIsMadeByTheFirstWebhookNotByTheStart() throws Exception {
        Path classes = work.resolve("classes.log");
        try (HttpServer ponte = HttpServer.startDevProfile(Map.of("PONTE_WARM_UP", "false"), work,
                List.of("-Xlog:class+load=info:file=" + classes))) {
            assertThat(Files.readString(classes)).as("the class-load log").contains("dev.ponte.");
            assertThat(loaded(classes, RD_CLIENT_BUILDER)).as("RD's client loaded by the start").isEmpty();
            // Direct mode on a server: no queue to send to (its senders would load the AWS SDK's core),
            // no snapshot to take (registering for one would load CRaC's Core).
            assertThat(loaded(classes, "software.amazon.awssdk.core.")).as("the AWS SDK's core loaded by the start").isEmpty();
            assertThat(loaded(classes, "org.crac.Core ")).as("CRaC's Core loaded by the start").isEmpty();

            deliverOneOrder(ponte);

            assertThat(loaded(classes, RD_CLIENT_BUILDER)).as("RD's client loaded by the first webhook").hasSize(1);
        }
    }

    @Test
    void onceListeningTheServerWarmsTheWebhookPathAndSendsNothing() throws Exception {
        Path classes = work.resolve("classes.log");
        try (HttpServer ponte = HttpServer.startDevProfile(Map.of(), work, List.of("-Xlog:class+load=info:file=" + classes))) {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!ponte.log().contains("webhook path warmed up in") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(ponte.log()).contains("webhook path warmed up in").contains("RD events built, none sent, RD's access token fetched");
            assertThat(loaded(classes, RD_CLIENT_BUILDER)).as("RD's client loaded before any webhook").hasSize(1);
            assertThat(sandboxEvents(ponte)).as("what RD (the sandbox) received from the warm-up").isEmpty();
            assertThat(deliveries(ponte)).as("the journal after the warm-up").isEmpty();

            deliverOneOrder(ponte);

            assertThat(deliveries(ponte)).hasSize(1);
            assertThat(sandboxEvents(ponte)).as("the order's events, and only those").isNotEmpty();
        }
    }

    private static void deliverOneOrder(HttpServer ponte) {
        SignedRequests.Sample order = new SignedRequests.Sample("shopify", "orders/create",
                Fixtures.text("vendors/shopify/orders-create.json").getBytes(StandardCharsets.UTF_8));
        assertThat(Send.send(Send.secrets(Map.of(), ponte.url("")), ponte.url(""), order, Map.of()).jsonPath()
                .getString("outcome")).isEqualTo("delivered");
    }

    private static JsonNode deliveries(HttpServer ponte) {
        return get(ponte.url("/admin/deliveries"));
    }

    private static JsonNode sandboxEvents(HttpServer ponte) {
        return get(ponte.sandboxUrl("/sandbox/events"));
    }

    private static JsonNode get(String url) {
        return RdJson.parseText(RestAssured.given().header("Authorization", "Bearer dev-token").get(url)
                .then().statusCode(200).extract().asString());
    }

    private static List<String> loaded(Path log, String name) throws IOException {
        return Files.readAllLines(log).stream().filter(line -> line.contains(name)).toList();
    }
}
