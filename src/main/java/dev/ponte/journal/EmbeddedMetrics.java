package dev.ponte.journal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

/**
 * Ponte's counts as CloudWatch embedded metric format (EMF) lines: one JSON object per line on
 * standard output, which Lambda sends to CloudWatch Logs, which makes metrics of them in the
 * {@code Ponte} namespace, with no agent and no API call on the request path. Each line is also a
 * structured log record: Logs Insights can query its fields ({@code Topic} too, which is kept out
 * of the dimensions so the number of metrics stays small).
 *
 * <p>Written by hand rather than with AWS's EMF library: the format is a short published JSON
 * shape, and the library would bring four more dependencies and reflective serialization into a
 * function whose cold start is a feature.
 */
final class EmbeddedMetrics {

    static final String NAMESPACE = "Ponte";

    private static final JsonFactory JSON = new JsonFactory();

    private final PrintStream out;
    private final Clock clock;

    EmbeddedMetrics(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    /** A metric of one line: its name, CloudWatch unit and value. */
    record Metric(String name, String unit, double value) {
    }

    /** A text field of one line: the value of a dimension the line names, or a field for Logs Insights alone. */
    record Field(String name, String value) {
    }

    void webhook(String vendor, String topic, String outcome) {
        // By vendor and outcome, and by outcome alone (the alarms' "any vendor" view).
        write(List.of(List.of("Vendor", "Outcome"), List.of("Outcome")),
                List.of(new Field("Vendor", vendor), new Field("Outcome", outcome),
                        new Field("Topic", topic == null ? "" : topic)),
                List.of(new Metric("Webhooks", "Count", 1)));
    }

    void rd(String result, long nanos) {
        write(List.of(List.of("Result")), List.of(new Field("Result", result)),
                List.of(new Metric("RdRequests", "Count", 1), new Metric("RdLatency", "Milliseconds", nanos / 1e6)));
    }

    void queueLag(long millis) {
        write(List.of(List.of()), List.of(), List.of(new Metric("QueueLag", "Milliseconds", millis)));
    }

    void redelivered(String outcome, int count) {
        write(List.of(List.of("Outcome")), List.of(new Field("Outcome", outcome)),
                List.of(new Metric("Redeliveries", "Count", count)));
    }

    /** A dead letter that now waits for a person: held, or given up. */
    void needsOperator(String status, String cause) {
        write(List.of(List.of()), List.of(new Field("Status", status), new Field("Cause", cause)),
                List.of(new Metric("DeadLettersNeedingOperator", "Count", 1)));
    }

    private void write(List<List<String>> dimensionSets, List<Field> fields, List<Metric> metrics) {
        StringWriter line = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            json.writeObjectFieldStart("_aws");
            json.writeNumberField("Timestamp", clock.millis());
            json.writeArrayFieldStart("CloudWatchMetrics");
            json.writeStartObject();
            json.writeStringField("Namespace", NAMESPACE);
            json.writeArrayFieldStart("Dimensions");
            for (List<String> set : dimensionSets) {
                json.writeStartArray();
                for (String dimension : set) {
                    json.writeString(dimension);
                }
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("Metrics");
            for (Metric metric : metrics) {
                json.writeStartObject();
                json.writeStringField("Name", metric.name());
                json.writeStringField("Unit", metric.unit());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            for (Field field : fields) {
                json.writeStringField(field.name(), field.value());
            }
            for (Metric metric : metrics) {
                json.writeNumberField(metric.name(), metric.value());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        // One println: a whole line in one write, so Lambda sees it as one log event.
        out.println(line);
    }
}
