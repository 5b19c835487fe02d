package dev.ponte.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.mapping.Fact;
import dev.ponte.rd.events.RdJson;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A {@link Delivery} as JSON, wherever one must outlive the request that made it: a queue
 * message, the copy written ahead of a claim, a timer, a dead letter. Events are kept as RD's
 * own JSON, so what is stored is exactly what RD will receive.
 */
@RegisterForReflection
public record StoredDelivery(String source, String topic, String deliveryId, List<JsonNode> events, boolean batch, Origin origin,
        DeadLetter.StoredRequest request, List<Fact> facts, String letterId) {

    public static StoredDelivery of(Delivery delivery) {
        return new StoredDelivery(delivery.source(), delivery.topic(), delivery.deliveryId(),
                delivery.events().stream().map(RdJson::tree).map(JsonNode.class::cast).toList(), delivery.batch(),
                delivery.origin(), delivery.request(), delivery.facts(), delivery.letterId());
    }

    public Delivery delivery() {
        return Delivery.builder().source(source).topic(topic).deliveryId(deliveryId)
                .events(events == null ? List.of() : events.stream().map(RdJson::event).toList())
                .batch(batch).origin(origin).request(request).facts(facts).letterId(letterId).build();
    }

    public static byte[] bytes(Delivery delivery) {
        return RdJson.bytes(of(delivery));
    }

    public static Delivery read(byte[] json) {
        try {
            return RdJson.mapper().readValue(json, StoredDelivery.class).delivery();
        } catch (IOException e) {
            throw new UncheckedIOException("not a stored Ponte delivery: " + e.getMessage(), e);
        }
    }

    public static Delivery read(String json) {
        try {
            return RdJson.mapper().readValue(json, StoredDelivery.class).delivery();
        } catch (IOException e) {
            throw new UncheckedIOException("not a stored Ponte delivery: " + e.getMessage(), e);
        }
    }
}
