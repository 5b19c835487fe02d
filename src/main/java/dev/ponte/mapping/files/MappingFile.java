package dev.ponte.mapping.files;

import dev.ponte.rd.events.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One vendor as a mapping file: how its webhooks are proven genuine, which topic a webhook is,
 * its delivery id, and per topic what it becomes (RD events, each field a JSONata expression, or
 * the answer the vendor expects). Topics the file does not list are acknowledged as ignored. Read
 * and checked against RD's event model by {@link MappingFileReader} before anything is delivered.
 */
public record MappingFile(String vendor, String file, Map<String, Setting> settings, Proof proof, Expression topic,
        Expression deliveryId, Map<String, Topic> topics) {

    /** What every file vendor can be configured with, beyond what its file declares. */
    static final Map<String, Setting> SHARED = Map.of(
            "secret", Setting.REQUIRED,
            "funnel", Setting.defaultsTo("default"),
            "funnel-events", Setting.defaultsTo("opportunity,sale,lost"),
            "legal-bases", Setting.OPTIONAL,
            "ecommerce-events", Setting.OPTIONAL);

    /** The settings without which this vendor's webhooks cannot be verified or mapped. */
    public List<String> requiredSettings() {
        List<String> required = new ArrayList<>();
        settings.forEach((name, setting) -> {
            if (setting.required()) {
                required.add(name);
            }
        });
        return List.copyOf(required);
    }

    /** A setting {@code ponte.vendors.<vendor>.<name>}: required, optional, or with a default. */
    public record Setting(boolean required, String otherwise) {
        static final Setting REQUIRED = new Setting(true, null);
        static final Setting OPTIONAL = new Setting(false, null);

        static Setting defaultsTo(String value) {
            return new Setting(false, value);
        }
    }

    /**
     * What one topic becomes. {@code require}: paths without which the body is not the documented
     * one; {@code ignore}: conditions under which it is acknowledged with a reason; {@code contact}:
     * how its contact's email is found; then either a {@code reply} or {@code events}.
     */
    public record Topic(Expression deliveryId, List<Expression> require, List<Ignore> ignore, Contact contact,
            Reply reply, List<Event> events) {
    }

    /** Acknowledged, sending nothing, when {@code when} holds, {@code because} being what the answer says. */
    public record Ignore(Expression when, String because) {
    }

    /**
     * Ponte's contact resolution: the first usable email of {@code email}, else an {@code email}
     * parameter on the webhook URL, else the email learned for the {@code phone}'s number; with
     * none, a delivery with a phone waits for it, one without is acknowledged with {@code otherwise}.
     */
    public record Contact(Expression email, Expression phone, String otherwise) {
    }

    /** The answer the vendor expects (a challenge, a ping), nothing delivered. */
    public record Reply(int status, String contentType, Expression body) {
    }

    /**
     * One RD event: its type, or the order funnel's stage ({@code opportunity}, {@code sale},
     * {@code lost}, whose type and funnel follow the vendor's funnel settings); an optional
     * condition; its own delivery id when it is deduplicated apart from the rest; its fields, and
     * a CONVERSION's custom fields as one object.
     */
    public record Event(EventType type, String funnel, Expression when, Expression deliveryId,
            Map<String, Expression> fields, Expression customFields) {
    }
}
