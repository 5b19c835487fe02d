package dev.ponte.delivery;

import dev.ponte.rd.events.RdEvent;
import java.util.List;

/**
 * Maps a parked request again. A dead letter parked before it had events (its contact was not
 * known yet) is redelivered by mapping its stored request anew, with what Ponte knows now.
 */
public interface Remapping {

    /**
     * The events the stored request maps to now; none, with the cause and reason, when it still
     * cannot ({@link Cause#NO_CONTACT} and what it waits for, or a vendor API that is down).
     */
    record Remapped(List<RdEvent> events, Cause cause, String reason, String waitingFor) {
    }

    Remapped remap(DeadLetter letter);
}
