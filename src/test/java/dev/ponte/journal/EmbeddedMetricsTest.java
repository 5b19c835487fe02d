package dev.ponte.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.testing.EmfLines;
import dev.ponte.testing.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What Traffic counts, as the embedded metric format lines CloudWatch reads on Lambda. */
class EmbeddedMetricsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:30Z"));
    private final Traffic traffic = new Traffic(clock,
            Optional.of(new EmbeddedMetrics(new PrintStream(out, true, StandardCharsets.UTF_8), clock)));

    private List<JsonNode> lines() {
        return EmfLines.in(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void eachCountIsOneValidLineInPontesNamespace() {
        traffic.received("shopify", "orders/create", "delivered");
        traffic.received("shopify", "orders/create", "delivered");
        traffic.received("shopify", null, "forged");
        traffic.received("kiwify", "order_approved", "parked");
        traffic.rd("accepted", 12_500_000);
        traffic.rd("rate_limited", 3_000_000);
        traffic.queueLag(Duration.ofMillis(840));
        traffic.redelivered("delivered", 3);
        traffic.redelivered("still_failing", 0);
        traffic.needsOperator("held", "rejected");

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(9); // nothing for a redelivery count of 0
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("Ponte");
            assertThat(line.at("/_aws/Timestamp").asLong()).isEqualTo(clock.millis());
        });
        assertThat(EmfLines.sum(lines, "Webhooks", Map.of("Vendor", "shopify", "Outcome", "delivered"))).isEqualTo(2);
        assertThat(EmfLines.sum(lines, "Webhooks", Map.of("Outcome", "forged"))).isEqualTo(1);
        assertThat(EmfLines.sum(lines, "Webhooks", Map.of())).isEqualTo(4);
        assertThat(EmfLines.sum(lines, "RdRequests", Map.of("Result", "rate_limited"))).isEqualTo(1);
        assertThat(EmfLines.sum(lines, "RdLatency", Map.of("Result", "accepted"))).isEqualTo(12.5);
        assertThat(EmfLines.sum(lines, "QueueLag", Map.of())).isEqualTo(840);
        assertThat(EmfLines.sum(lines, "Redeliveries", Map.of("Outcome", "delivered"))).isEqualTo(3);
        assertThat(EmfLines.sum(lines, "DeadLettersNeedingOperator", Map.of())).isEqualTo(1);
    }

    @Test
    void theTopicIsAFieldToQueryNotADimension() {
        traffic.received("shopify", "orders/create", "delivered");

        JsonNode line = lines().get(0);
        assertThat(line.path("Topic").asText()).isEqualTo("orders/create");
        assertThat(line.at("/_aws/CloudWatchMetrics/0/Dimensions").toString())
                .isEqualTo("[[\"Vendor\",\"Outcome\"],[\"Outcome\"]]");
    }

    @Test
    void aDimensionlessMetricCanBeAlarmedOnByNameAlone() {
        traffic.needsOperator("gave_up", "rd_unavailable");

        JsonNode line = lines().get(0);
        assertThat(line.at("/_aws/CloudWatchMetrics/0/Dimensions").toString()).isEqualTo("[[]]");
        assertThat(line.path("Status").asText()).isEqualTo("gave_up");
        assertThat(line.path("Cause").asText()).isEqualTo("rd_unavailable");
    }
}
