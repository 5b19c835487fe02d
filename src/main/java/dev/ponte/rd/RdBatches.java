package dev.ponte.rd;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Packs serialised events, in order, into RD batch bodies no larger than RD accepts. */
public final class RdBatches {

    private RdBatches() {
    }

    /** A batch body and how many events it holds. */
    public record Chunk(String body, int size) {
    }

    /** The UTF-8 size of one event inside a batch body. */
    public static int bytes(String event) {
        return event.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * Consecutive runs of {@code events}, each written as a JSON array of at most {@code maxBytes}.
     * An event that alone exceeds the limit is refused beforehand by the caller.
     */
    public static List<Chunk> pack(List<String> events, int maxBytes) {
        List<Chunk> chunks = new ArrayList<>();
        StringBuilder body = new StringBuilder("[");
        int size = 0;
        int bytes = 2; // the brackets
        for (String event : events) {
            int eventBytes = bytes(event);
            if (eventBytes + 2 > maxBytes) {
                throw new IllegalArgumentException("an event of " + eventBytes + " bytes exceeds the batch limit of "
                        + maxBytes);
            }
            int needed = eventBytes + (size == 0 ? 0 : 1);
            if (size > 0 && bytes + needed > maxBytes) {
                chunks.add(new Chunk(body.append(']').toString(), size));
                body = new StringBuilder("[");
                size = 0;
                bytes = 2;
                needed = eventBytes;
            }
            if (size > 0) {
                body.append(',');
            }
            body.append(event);
            bytes += needed;
            size++;
        }
        if (size > 0) {
            chunks.add(new Chunk(body.append(']').toString(), size));
        }
        return chunks;
    }
}
