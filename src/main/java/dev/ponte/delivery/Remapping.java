package dev.ponte.delivery;

import dev.ponte.rd.events.RdEvent;
import java.util.List;

/**
 * Maps a parked request again. A dead letter parked before it had events (its contact was not
 * known yet) is replayed by mapping its stored request anew, with what Ponte knows now.
 */
public interface Remapping {

    /** The events the stored request maps to now; empty with a reason when it still cannot. */
    record Remapped(List<RdEvent> events, String reason) {
    }

    Remapped remap(DeadLetter letter);
}
