package dev.ponte.mapping;

import dev.ponte.rd.events.RdEvent;
import java.time.Duration;
import java.util.List;

/**
 * What a webhook asks of the future: events to send later unless something cancels them first
 * (a cart is abandoned only if no order followed), or the cancellation of such a wait. The name
 * ties the two together within one vendor; the intake's timers keep the wait through restarts.
 */
public sealed interface Deferred {

    /** The timer's name, unique within the vendor (e.g. {@code checkout-<token>:abandoned}). */
    String name();

    /** Send {@code events} as delivery {@code deliveryId} {@code after} from now; a wait of the same name is replaced. */
    record Send(String name, Duration after, String deliveryId, List<RdEvent> events) implements Deferred {
        public Send {
            events = List.copyOf(events);
        }
    }

    /** The wait of that name is no longer wanted: what it would send is not sent. */
    record Cancel(String name) implements Deferred {
    }
}
