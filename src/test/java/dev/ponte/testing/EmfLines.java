package dev.ponte.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CloudWatch embedded metric format lines in a log, checked against the format's published
 * rules: a root {@code _aws} with a millisecond {@code Timestamp} and {@code CloudWatchMetrics}
 * directives; each directive a {@code Namespace}, {@code Dimensions} (sets of at most 30 names,
 * each a text member of the line) and at most 100 {@code Metrics} (each a number member, its unit
 * one CloudWatch knows). A line that breaks a rule is a test failure, not a line skipped.
 */
public final class EmfLines {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
            "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
            "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
            "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second",
            "None");

    private EmfLines() {
    }

    /** Every EMF line of {@code log} (lines that are JSON objects with {@code _aws}), each checked. */
    public static List<JsonNode> in(String log) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (!line.startsWith("{") || !line.contains("\"_aws\"")) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("an EMF line is not JSON: " + line, e);
            }
            check(node, line);
            lines.add(node);
        }
        return lines;
    }

    /** How many of {@code lines} report {@code metric} in {@code namespace} with these dimension values, summed. */
    public static double sum(List<JsonNode> lines, String metric, Map<String, String> dimensions) {
        double sum = 0;
        for (JsonNode line : lines) {
            if (!line.has(metric)) {
                continue;
            }
            boolean matches = dimensions.entrySet().stream()
                    .allMatch(d -> d.getValue().equals(line.path(d.getKey()).asText(null)));
            if (matches) {
                sum += line.get(metric).asDouble();
            }
        }
        return sum;
    }

    private static void check(JsonNode line, String text) {
        JsonNode aws = line.path("_aws");
        require(aws.path("Timestamp").isIntegralNumber() && aws.path("Timestamp").asLong() > 1_500_000_000_000L,
                "_aws.Timestamp is epoch milliseconds", text);
        JsonNode directives = aws.path("CloudWatchMetrics");
        require(directives.isArray() && !directives.isEmpty(), "_aws.CloudWatchMetrics is a non-empty array", text);
        for (JsonNode directive : directives) {
            require(directive.path("Namespace").isTextual() && !directive.path("Namespace").asText().isBlank(),
                    "each directive names its Namespace", text);
            JsonNode dimensions = directive.path("Dimensions");
            require(dimensions.isArray(), "Dimensions is an array of dimension sets", text);
            for (JsonNode set : dimensions) {
                require(set.isArray() && set.size() <= 30, "a dimension set is an array of at most 30 names", text);
                for (JsonNode name : set) {
                    JsonNode value = line.path(name.asText());
                    require(value.isTextual() && !value.asText().isEmpty(),
                            "dimension " + name + " is a non-empty text member of the line", text);
                }
            }
            JsonNode metrics = directive.path("Metrics");
            require(metrics.isArray() && !metrics.isEmpty() && metrics.size() <= 100, "1 to 100 Metrics", text);
            for (JsonNode metric : metrics) {
                String name = metric.path("Name").asText();
                require(!name.isBlank() && line.path(name).isNumber(), "metric " + name + " is a number member", text);
                require(UNITS.contains(metric.path("Unit").asText("None")), "metric " + name + " has a CloudWatch unit",
                        text);
            }
        }
    }

    private static void require(boolean holds, String rule, String line) {
        if (!holds) {
            throw new AssertionError("EMF line breaks a rule (" + rule + "): " + line);
        }
    }
}
