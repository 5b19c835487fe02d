package dev.ponte.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.rd.events.RdJson;
import dev.ponte.testing.Send;
import dev.ponte.testing.SignedRequests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code PONTE_LOG_FORMAT=json} on the packaged server: every line is one JSON object, a
 * request's fields are fields of its record, and contacts stay masked. Without it, lines are text.
 */
class JsonLogsIT {

    @TempDir
    Path work;

    private static final String BODY = "{\"id\":7001,\"name\":\"#7001\",\"email\":\"ana.souza@example.com\","
            + "\"financial_status\":\"pending\",\"currency\":\"BRL\",\"total_price\":\"89.90\",\"line_items\":[{\"product_id\":7,"
            + "\"sku\":\"CANECA\",\"title\":\"Caneca\",\"quantity\":1,\"price\":\"89.90\"}]}";

    private String run(Map<String, String> settings) throws Exception {
        try (HttpServer ponte = HttpServer.startDevProfile(settings, work)) {
            SignedRequests.Sample order = new SignedRequests.Sample("shopify", "orders/create",
                    BODY.getBytes(StandardCharsets.UTF_8));
            assertThat(Send.send(Send.secrets(Map.of(), ponte.url("")), ponte.url(""), order, Map.of()).jsonPath()
                    .getString("outcome")).isEqualTo("delivered");
            return ponte.log();
        }
    }

    @Test
    void asJsonEveryLineIsAnObjectAndTheRequestsFieldsAreItsFields() throws Exception {
        String log = run(Map.of("PONTE_LOG_FORMAT", "json"));
        List<String> lines = log.lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).isNotEmpty();
        JsonNode edge = null;
        for (String line : lines) {
            JsonNode record = RdJson.parseText(line); // fails on any line that is not JSON
            if ("ponte.edge".equals(record.path("loggerName").asText())) {
                edge = record;
            }
        }
        assertThat(edge).as("the request's record in:\n" + log).isNotNull();
        assertThat(edge.path("message").asText()).isEqualTo("POST /webhooks/shopify 200 delivered");
        JsonNode fields = edge.path("mdc");
        assertThat(fields.path("route").asText()).isEqualTo("/webhooks/shopify");
        assertThat(fields.path("outcome").asText()).isEqualTo("delivered");
        assertThat(fields.path("topic").asText()).isEqualTo("orders/create");
        assertThat(fields.path("delivery_id").asText()).isEqualTo("order-7001:placed");
        assertThat(fields.path("contacts").asText()).isEqualTo("[\"a***@e***.com\"]");
        assertThat(log).doesNotContain("ana.souza@example.com");
    }

    @Test
    void asTextByDefaultTheLineIsForPeople() throws Exception {
        String log = run(Map.of());
        assertThat(log).contains("[po.edge] {\"method\":\"POST\",\"route\":\"/webhooks/shopify\",\"status\":200,"
                + "\"outcome\":\"delivered\"");
        assertThat(log.lines().filter(line -> line.startsWith("{")).toList()).isEmpty();
    }
}
