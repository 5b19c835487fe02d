package dev.ponte.rd.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * One RD event as RD receives it. The event type is the payload's own, so a payload can never
 * travel under another type's name; the family is always CDP, the only one RD accepts.
 */
@JsonPropertyOrder({"event_type", "event_family", "payload"})
public record RdEvent(@JsonProperty("payload") RdPayload payload) {

    public static final String FAMILY = "CDP";

    public RdEvent {
        Objects.requireNonNull(payload, "payload");
    }

    public static RdEvent of(RdPayload payload) {
        return new RdEvent(payload);
    }

    @JsonProperty("event_type")
    public EventType eventType() {
        return payload.eventType();
    }

    @JsonProperty("event_family")
    public String eventFamily() {
        return FAMILY;
    }
}
