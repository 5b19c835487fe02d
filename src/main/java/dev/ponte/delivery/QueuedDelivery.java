package dev.ponte.delivery;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.rd.events.RdEvent;
import dev.ponte.rd.events.RdJson;
import java.util.List;

/** A {@link Delivery} as a queue message: mapped and validated, waiting for the worker. */
@RegisterForReflection
public record QueuedDelivery(String source, String deliveryId, List<JsonNode> events,
        DeadLetter.StoredRequest request, String queuedAt) {

    public static QueuedDelivery of(Delivery delivery, String queuedAt) {
        return new QueuedDelivery(delivery.source(), delivery.deliveryId(),
                delivery.events().stream().map(RdJson::tree).map(JsonNode.class::cast).toList(),
                delivery.request(), queuedAt);
    }

    public Delivery delivery() {
        return new Delivery(source, deliveryId, events.stream().map(RdJson::event).toList(), request);
    }
}
