package dev.ponte.rd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.rd.events.RdEvent;
import dev.ponte.rd.events.RdJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Sends several events as RD batch calls, split under RD's body limit, uuids kept in request order. */
@ApplicationScoped
public class RdDelivery {

    private final RdGateway gateway;
    private final RdConfig config;

    @Inject
    public RdDelivery(RdGateway gateway, RdConfig config) {
        this.gateway = gateway;
        this.config = config;
    }

    /** Whether this event can travel in a batch at all (RD refuses bodies over the limit). */
    public boolean fitsInBatch(RdEvent event) {
        return RdBatches.bytes(RdJson.string(event)) + 2 <= config.batchMaxBytes();
    }

    public BatchResult sendBatch(List<RdEvent> events) {
        return sendBatch(events, config.budget());
    }

    public BatchResult sendBatch(List<RdEvent> events, Duration budget) {
        List<String> bodies = events.stream().map(RdJson::string).toList();
        List<String> eventUuids = new ArrayList<>();
        List<String> batchUuids = new ArrayList<>();
        int delivered = 0;
        int attempts = 0;
        for (RdBatches.Chunk chunk : RdBatches.pack(bodies, config.batchMaxBytes())) {
            RdOutcome outcome = gateway.sendBatch(chunk.body(), budget);
            attempts += outcome.attempts();
            if (!(outcome instanceof RdOutcome.Accepted accepted)) {
                return new BatchResult(eventUuids, batchUuids, delivered, outcome, attempts);
            }
            JsonNode body = accepted.body();
            if (body.hasNonNull("event_batch_uuid")) {
                batchUuids.add(body.get("event_batch_uuid").asText());
            }
            body.path("events").forEach(e -> eventUuids.add(e.path("event_uuid").asText(null)));
            delivered += chunk.size();
        }
        return new BatchResult(eventUuids, batchUuids, delivered, null, attempts);
    }
}
