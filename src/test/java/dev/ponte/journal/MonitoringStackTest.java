package dev.ponte.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponte.deploy.CloudFormationYaml;
import dev.ponte.testing.EmfLines;
import dev.ponte.testing.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every metric in the {@code Ponte} namespace that infra/monitoring.yaml alarms on or draws is one
 * Ponte's embedded metric format lines publish, under the same dimensions: an alarm on a metric
 * nobody writes would never fire.
 */
@SuppressWarnings("unchecked")
class MonitoringStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the lines publish: metric name, then each set of dimension names it is published under. */
    private static Set<String> published() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
        Traffic traffic = new Traffic(clock,
                Optional.of(new EmbeddedMetrics(new PrintStream(out, true, StandardCharsets.UTF_8), clock)));
        traffic.received("shopify", "orders/create", "delivered");
        traffic.rd("rate_limited", 1_000_000);
        traffic.queueLag(Duration.ofSeconds(1));
        traffic.redelivered("delivered", 1);
        traffic.needsOperator("held", "rejected");
        Set<String> published = new HashSet<>();
        for (JsonNode line : EmfLines.in(out.toString(StandardCharsets.UTF_8))) {
            for (JsonNode directive : line.at("/_aws/CloudWatchMetrics")) {
                for (JsonNode metric : directive.path("Metrics")) {
                    for (JsonNode set : directive.path("Dimensions")) {
                        Set<String> names = new TreeSet<>();
                        set.forEach(name -> names.add(name.asText()));
                        published.add(metric.path("Name").asText() + " " + names);
                    }
                }
            }
        }
        return published;
    }

    private static String metric(String name, Set<String> dimensions) {
        return name + " " + new TreeSet<>(dimensions);
    }

    @Test
    void everyAlarmOnPontesNamespaceWatchesAMetricPonteWrites() {
        Map<String, Object> resources = (Map<String, Object>) CloudFormationYaml.read(Path.of("infra/monitoring.yaml"))
                .get("Resources");
        List<String> watched = new ArrayList<>();
        resources.values().stream().map(resource -> (Map<String, Object>) resource)
                .filter(resource -> "AWS::CloudWatch::Alarm".equals(resource.get("Type")))
                .map(resource -> (Map<String, Object>) resource.get("Properties"))
                .filter(alarm -> "Ponte".equals(alarm.get("Namespace")))
                .forEach(alarm -> {
                    Set<String> dimensions = new HashSet<>();
                    for (Object dimension : (List<Object>) alarm.getOrDefault("Dimensions", List.of())) {
                        dimensions.add((String) ((Map<String, Object>) dimension).get("Name"));
                    }
                    watched.add(metric((String) alarm.get("MetricName"), dimensions));
                });

        assertThat(watched).containsExactlyInAnyOrder("DeadLettersNeedingOperator []", "RdRequests [Result]");
        assertThat(published()).containsAll(watched);
    }

    @Test
    void everyDashboardMetricInPontesNamespaceIsOnePonteWrites() throws Exception {
        Map<String, Object> resources = (Map<String, Object>) CloudFormationYaml.read(Path.of("infra/monitoring.yaml"))
                .get("Resources");
        Map<String, Object> properties = (Map<String, Object>) ((Map<String, Object>) resources.get("Dashboard"))
                .get("Properties");
        String body = (String) ((CloudFormationYaml.Intrinsic) properties.get("DashboardBody")).argument();
        JsonNode dashboard = JSON.readTree(body.replaceAll("\\$\\{[^}]+}", "x"));

        List<String> drawn = new ArrayList<>();
        for (JsonNode widget : dashboard.path("widgets")) {
            List<String> previous = List.of();
            for (JsonNode row : widget.at("/properties/metrics")) {
                // A row is [namespace, name, dimension, value, …, {options}]; "..." repeats the
                // row above with its last values replaced, so its names are the row above's.
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> {
                    if (cell.isTextual()) {
                        cells.add(cell.asText());
                    }
                });
                List<String> full = cells.get(0).equals("...") ? previous : cells;
                previous = full;
                if (full.get(0).equals("Ponte")) {
                    Set<String> dimensions = new HashSet<>();
                    for (int i = 2; i + 1 < full.size(); i += 2) {
                        dimensions.add(full.get(i));
                    }
                    drawn.add(metric(full.get(1), dimensions));
                }
            }
        }

        assertThat(drawn).hasSizeGreaterThan(10);
        assertThat(published()).containsAll(new HashSet<>(drawn));
    }
}
