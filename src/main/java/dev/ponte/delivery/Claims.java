package dev.ponte.delivery;

import dev.ponte.delivery.state.StateStore;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The claim protocol, in one place: a delivery's key is claimed (with the delivery written
 * ahead) before anything is sent, and settled once: delivered with RD's answer, queued, parked
 * as its dead letter, held as maybe delivered, or released. Whoever does not win the claim
 * sends nothing.
 */
@ApplicationScoped
public class Claims {

    private final StateStore store;

    @Inject
    public Claims(StateStore store) {
        this.store = store;
    }

    /** Claims a delivery about to be sent or enqueued. */
    public StateStore.Claim claim(Delivery delivery) {
        return store.claim(delivery.key(), StoredDelivery.bytes(delivery));
    }

    /** The queue worker's claim on a delivery it received. */
    public StateStore.Claim take(Delivery delivery) {
        return store.take(delivery.key(), StoredDelivery.bytes(delivery));
    }

    /**
     * Whether {@code source}'s delivery {@code deliveryId} already went through, so a redelivery
     * can be answered before work that costs a vendor API call. Only a hint: if the store cannot
     * tell, the answer is no, and the claim still stops a second delivery.
     */
    public boolean alreadyDelivered(String source, String deliveryId) {
        try {
            return store.completed(source + ":" + deliveryId);
        } catch (RuntimeException e) {
            Log.warnf(e, "could not ask the state store about %s:%s", source, deliveryId);
            return false;
        }
    }

    public void delivered(Delivery delivery, String answer) {
        try {
            store.complete(delivery.key(), answer);
        } catch (RuntimeException e) {
            // RD has the events; failing the sender now would make it redeliver them. The claim
            // stays pending, so copies are refused, and it is listed as maybe delivered later.
            Log.errorf(e, "delivered %s but could not record it in the state store", delivery.key());
        }
    }

    public void queued(Delivery delivery, String answer) {
        store.queued(delivery.key(), answer);
    }

    public void parked(Delivery delivery, DeadLetter letter) {
        if (letter.cause() == Cause.MAYBE_DELIVERED) {
            store.maybe(delivery.key(), letter.id());
        } else {
            store.parked(delivery.key(), letter.id());
        }
    }

    public void release(Delivery delivery) {
        try {
            store.release(delivery.key());
        } catch (RuntimeException e) {
            Log.errorf(e, "could not release %s; it is taken for orphaned after the claim timeout", delivery.key());
        }
    }
}
