package dev.ponte.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.rd.RdOutcome;

/** What became of a {@link Delivery}, as the sender needs to know it. */
public sealed interface Receipt {

    Delivery delivery();

    /** RD accepted every event; {@code answer} is RD's response. */
    record Delivered(Delivery delivery, JsonNode answer, int attempts) implements Receipt {
    }

    /** Queue mode: validated and enqueued; the worker delivers it. */
    record Queued(Delivery delivery, String messageId) implements Receipt {
    }

    /**
     * RD has not answered yet and the sender could not wait longer. The request runs on; its
     * outcome is recorded (or parked) when RD answers.
     */
    record InFlight(Delivery delivery, int attempts) implements Receipt {
    }

    /** Already delivered or queued under the same key; {@code earlierAnswer} is what was recorded. */
    record Duplicate(Delivery delivery, String earlierAnswer) implements Receipt {
    }

    /** Being delivered right now under the same key: nothing was sent. */
    record InProgress(Delivery delivery) implements Receipt {
    }

    /**
     * Not delivered (or not all of it) and kept as a dead letter: tried again at its next
     * attempt, or held for the operator. {@code deliveredAnswer}: RD's answer for the events that
     * did get in, when a delivery went in part.
     */
    record Parked(Delivery delivery, DeadLetter letter, JsonNode deliveredAnswer) implements Receipt {
    }

    /** RD refused it and the caller is waiting to hear so ({@code /events}); nothing is parked. */
    record Refused(Delivery delivery, RdOutcome outcome) implements Receipt {
    }

    /** Could neither be delivered nor kept: the sender must retry (503). */
    record Failed(Delivery delivery, String reason) implements Receipt {
    }
}
