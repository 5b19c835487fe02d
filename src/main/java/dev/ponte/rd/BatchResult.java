package dev.ponte.rd;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponte.rd.events.RdJson;
import java.util.List;

/**
 * What became of a batch that may have gone to RD in several calls. Chunks are sent in order
 * and sending stops at the first that fails, so the first {@code delivered} events are in RD
 * (their uuids in request order) and the rest are not.
 */
public record BatchResult(List<String> eventUuids, List<String> batchUuids, int delivered, RdOutcome failure,
        int attempts) {

    public boolean complete() {
        return failure == null;
    }

    /**
     * RD's batch answer for the whole batch: {@code event_batch_uuid} and the event uuids in
     * request order. When RD took it in several calls, {@code event_batch_uuids} lists each.
     */
    public ObjectNode answer() {
        ObjectNode answer = RdJson.mapper().createObjectNode();
        answer.put("event_batch_uuid", batchUuids.isEmpty() ? null : batchUuids.get(0));
        if (batchUuids.size() > 1) {
            batchUuids.forEach(answer.putArray("event_batch_uuids")::add);
        }
        ArrayNode events = answer.putArray("events");
        eventUuids.forEach(uuid -> events.addObject().put("event_uuid", uuid));
        return answer;
    }
}
