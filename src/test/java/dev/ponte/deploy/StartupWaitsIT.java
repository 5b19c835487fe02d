package dev.ponte.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.rd.events.RdJson;
import dev.ponte.testing.Send;
import dev.ponte.testing.SignedRequests;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * no event sent or recorded.
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
            assertThat(RdJson.parseText(sandboxEvents(ponte))).as("what RD (the sandbox) received from the warm-up").isEmpty();
            assertThat(RdJson.parseText(deliveries(ponte))).as("the journal after the warm-up").isEmpty();

            deliverOneOrder(ponte);

            assertThat(RdJson.parseText(deliveries(ponte))).hasSize(1);
            assertThat(RdJson.parseText(sandboxEvents(ponte))).as("the order's events, and only those").isNotEmpty();
        }
    }

    private static void deliverOneOrder(HttpServer ponte) {
        byte[] body = ("{\"id\":7101,\"name\":\"#7101\",\"email\":\"ana.souza@example.com\",\"financial_status\":\"pending\","
                + "\"currency\":\"BRL\",\"total_price\":\"89.90\",\"line_items\":[{\"product_id\":7,\"sku\":\"CANECA\","
                + "\"title\":\"Caneca\",\"quantity\":1,\"price\":\"89.90\"}]}").getBytes(StandardCharsets.UTF_8);
        SignedRequests.Sample order = new SignedRequests.Sample("shopify", "orders/create", body);
        assertThat(Send.send(Send.secrets(Map.of(), ponte.url("")), ponte.url(""), order, Map.of()).jsonPath()
                .getString("outcome")).isEqualTo("delivered");
    }

    private static String deliveries(HttpServer ponte) throws Exception {
        return get(ponte.url("/admin/deliveries"));
    }

    private static String sandboxEvents(HttpServer ponte) throws Exception {
        return get(ponte.sandboxUrl("/sandbox/events"));
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer dev-token").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(url).isEqualTo(200);
        return answer.body();
    }

    private static List<String> loaded(Path log, String name) throws IOException {
        return Files.readAllLines(log).stream().filter(line -> line.contains(name)).toList();
    }
}
