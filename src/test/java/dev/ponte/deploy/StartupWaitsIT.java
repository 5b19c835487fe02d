package dev.ponte.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.testing.Send;
import dev.ponte.testing.SignedRequests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What can wait for the first webhook is not made at start-up. RD's REST client (Quarkus's client
 * builder, Vert.x's HTTP client, their annotations read reflectively) is the largest such piece:
 * the packaged server, started with the JVM's class-load log, has not loaded it once it answers,
 * and has after its first delivered webhook, which shows the log sees it.
 */
class StartupWaitsIT {

    private static final String RD_CLIENT_BUILDER = "io.quarkus.rest.client.reactive.runtime.RestClientBuilderImpl ";

    @TempDir
    Path work;

    @Test
    void rdsClientIsMadeByTheFirstWebhookNotByTheStart() throws Exception {
        Path classes = work.resolve("classes.log");
        try (HttpServer ponte = HttpServer.startDevProfile(Map.of(), work,
                List.of("-Xlog:class+load=info:file=" + classes))) {
            assertThat(Files.readString(classes)).as("the class-load log").contains("dev.ponte.");
            assertThat(loaded(classes, RD_CLIENT_BUILDER)).as("RD's client loaded by the start").isEmpty();

            byte[] body = ("{\"id\":7101,\"name\":\"#7101\",\"email\":\"ana.souza@example.com\",\"financial_status\":\"pending\","
                    + "\"currency\":\"BRL\",\"total_price\":\"89.90\",\"line_items\":[{\"product_id\":7,\"sku\":\"CANECA\","
                    + "\"title\":\"Caneca\",\"quantity\":1,\"price\":\"89.90\"}]}").getBytes(StandardCharsets.UTF_8);
            SignedRequests.Sample order = new SignedRequests.Sample("shopify", "orders/create", body);
            assertThat(Send.send(Send.secrets(Map.of(), ponte.url("")), ponte.url(""), order, Map.of()).jsonPath()
                    .getString("outcome")).isEqualTo("delivered");

            assertThat(loaded(classes, RD_CLIENT_BUILDER)).as("RD's client loaded by the first webhook").hasSize(1);
        }
    }

    private static List<String> loaded(Path log, String name) throws java.io.IOException {
        return Files.readAllLines(log).stream().filter(line -> line.contains(name)).toList();
    }
}
