package dev.ponte.delivery;

import com.fasterxml.jackson.databind.JsonNode;

/** What became of a {@link Delivery}, as the sender needs to know it. */
public sealed interface Receipt {

    /** RD accepted every event; {@code answer} is RD's response. */
    record Delivered(JsonNode answer, int attempts) implements Receipt {
    }

    /** Queue mode: validated and enqueued; the worker delivers it. The sender gets 202. */
    record Queued(String messageId) implements Receipt {
    }

    /** Already delivered (or being delivered) under the same key: nothing was sent. */
    record Duplicate(boolean inProgress, String earlierAnswer) implements Receipt {
    }

    /** Could not be delivered, and is parked for replay. The sender gets 2xx: retrying cannot help it. */
    record Parked(String deadLetterId, String reason, int attempts) implements Receipt {
    }

    /** Could neither be delivered nor parked: the sender must retry (503). */
    record Failed(String reason) implements Receipt {
    }
}
