package dev.ponte.delivery;

import dev.ponte.delivery.state.StateStore;
import dev.ponte.mapping.Deferred;
import dev.ponte.rd.events.RdJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Deliveries scheduled for later, kept in the state store so they survive restarts: "send this
 * cart as abandoned in an hour, unless an order comes first". A timer has a name, so whatever
 * makes it unnecessary can cancel it; when it comes due, its delivery goes through the intake
 * like any other (claimed by its own key, so it is sent once however many instances see it due).
 */
@ApplicationScoped
public class Timers {

    private final StateStore store;

    @Inject
    public Timers(StateStore store) {
        this.store = store;
    }

    /** Sends {@code delivery} at {@code at}; a timer of the same name is replaced. */
    public void schedule(String name, Instant at, Delivery delivery) {
        store.put(new StateStore.Entry(StateStore.Kind.TIMER, name, at, null,
                RdJson.string(StoredDelivery.of(delivery.withOrigin(Origin.TIMER)))));
    }

    /**
     * What a webhook asked of the future, under its vendor's names: each wait started (or
     * replaced) {@code after} from {@code now}, each cancelled one gone. Returns when the last
     * wait started will fire, if any did. {@code topic}: the webhook's, which the delivery keeps.
     */
    public java.util.Optional<Instant> apply(String vendor, String topic, List<Deferred> deferred, DeadLetter.StoredRequest request,
            Instant now) {
        Instant last = null;
        for (Deferred wait : deferred) {
            String name = vendor + ":" + wait.name();
            if (wait instanceof Deferred.Send send) {
                Instant at = now.plus(send.after()).truncatedTo(ChronoUnit.MILLIS);
                schedule(name, at, Delivery.builder().source(vendor).topic(topic).deliveryId(send.deliveryId()).events(send.events())
                        .request(request).build());
                last = last == null || at.isAfter(last) ? at : last;
            } else {
                cancel(name);
            }
        }
        return java.util.Optional.ofNullable(last);
    }

    /** Whether a timer of that name was waiting; it will not fire. */
    public boolean cancel(String name) {
        boolean waiting = store.get(StateStore.Kind.TIMER, name).isPresent();
        store.remove(StateStore.Kind.TIMER, name);
        return waiting;
    }

    public boolean scheduled(String name) {
        return store.get(StateStore.Kind.TIMER, name).isPresent();
    }

    /** A timer that came due, with its delivery. */
    record Due(StateStore.Entry entry, Delivery delivery) {
    }

    /** Timers due at {@code now}, each leased until {@code leaseUntil} by this caller alone. */
    List<Due> takeDue(Instant now, Instant leaseUntil, int max) {
        Instant lease = leaseUntil.truncatedTo(ChronoUnit.MILLIS); // what the store keeps
        return store.due(StateStore.Kind.TIMER, now, max).stream()
                .filter(entry -> store.lease(entry, lease))
                .map(entry -> new Due(entry.withDueAt(lease), StoredDelivery.read(entry.body())))
                .toList();
    }

    /** A fired timer is gone, unless it was scheduled again meanwhile. */
    void fired(Due due) {
        store.get(StateStore.Kind.TIMER, due.entry().id())
                .filter(current -> due.entry().dueAt().equals(current.dueAt()))
                .ifPresent(current -> store.remove(StateStore.Kind.TIMER, current.id()));
    }
}
