package dev.ponte.mapping.files;

import dev.ponte.rd.events.EventType;
import java.util.List;
import java.util.Map;

/**
 * One vendor as a mapping file: how its webhooks are proven genuine, which topic a webhook is,
 * its delivery id, and per topic the RD events it becomes, each field a JSONata expression.
 * Topics the file does not list are acknowledged as ignored. Read and checked against RD's event
 * model by {@link MappingFileReader} before anything is delivered.
 */
public record MappingFile(String vendor, String file, List<String> settings, Proof proof, Expression topic,
        Expression deliveryId, Map<String, Topic> topics) {

    /** What one topic becomes: its events, and a delivery id of its own when the file's would not do. */
    public record Topic(Expression deliveryId, List<Event> events) {
    }

    /** One RD event: its type, an optional condition, and its payload fields. */
    public record Event(EventType type, Expression when, Map<String, Expression> fields) {
    }
}
