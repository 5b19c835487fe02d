package dev.ponte.rd;

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
}
