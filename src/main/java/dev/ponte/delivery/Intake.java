package dev.ponte.delivery;

import dev.ponte.delivery.state.StateStore;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The one way in. Whatever brings a delivery (a vendor's webhook, {@code /events}, a replay, a
 * timer, redelivery), it is claimed by its key, then handed to the sink chosen at start-up
 * (sent now, or queued), and settled by the same code: recorded with RD's answer, or parked.
 * Whoever loses the claim sends nothing and hears what the winner recorded.
 */
@ApplicationScoped
public class Intake {

    private final Claims claims;
    private final DeliverySink sink;
    private final Parking parking;
    private final DeadLetters letters;

    @Inject
    public Intake(Claims claims, DeliverySink sink, Parking parking, DeadLetters letters) {
        this.claims = claims;
        this.sink = sink;
        this.parking = parking;
        this.letters = letters;
    }

    public Receipt accept(Delivery delivery, DeliverySink.Urgency urgency) {
        return accept(List.of(delivery), urgency).get(0);
    }

    /** Receipts in the order of {@code deliveries}. */
    public List<Receipt> accept(List<Delivery> deliveries, DeliverySink.Urgency urgency) {
        try {
            return acceptWithoutWaiting(deliveries, urgency).toCompletableFuture().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * The same for the edge: claimed and checked on the caller's thread, then the receipts when
     * the sink has them, with no thread held while a shared call to RD is awaited.
     */
    public CompletionStage<List<Receipt>> acceptWithoutWaiting(List<Delivery> deliveries, DeliverySink.Urgency urgency) {
        Receipt[] receipts = new Receipt[deliveries.size()];
        List<Delivery> won = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < deliveries.size(); i++) {
            Delivery delivery = deliveries.get(i);
            // /events was checked field by field at the edge; mapped events are checked here, once.
            String invalid = delivery.origin() == Origin.API ? null : Reasons.invalid(delivery.events());
            Claimed claimed = claim(delivery);
            if (claimed.receipt() != null) {
                receipts[i] = claimed.receipt();
            } else if (invalid != null) {
                receipts[i] = parking.park(claimed.delivery(), Parking.Why.of(Cause.INVALID, invalid), null,
                        urgency == DeliverySink.Urgency.ANSWERING);
            } else {
                won.add(claimed.delivery());
                at.add(i);
            }
        }
        CompletionStage<List<Receipt>> handing;
        try {
            handing = sink.deliver(won, urgency);
        } catch (RuntimeException e) {
            handing = CompletableFuture.failedFuture(e);
        }
        return handing.handle((handed, failure) -> {
            List<Receipt> answered = handed;
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                if (!(cause instanceof RuntimeException)) {
                    throw failure instanceof CompletionException completion ? completion : new CompletionException(cause);
                }
                Log.errorf(cause, "could not hand %d deliveries on", won.size());
                won.forEach(claims::release);
                answered = won.stream().map(d -> (Receipt) new Receipt.Failed(d, "Ponte could not hand the delivery on.")).toList();
            }
            for (int i = 0; i < answered.size(); i++) {
                receipts[at.get(i)] = answered.get(i);
            }
            return List.of(receipts);
        });
    }

    /**
     * A genuine delivery that cannot become events yet (its contact's email is not known):
     * claimed like any other, then parked with its raw request, waiting for {@code waitingFor}.
     * Only the edge parks this way, while the sender waits.
     */
    public Receipt park(Delivery delivery, Cause cause, String reason, String waitingFor) {
        Claimed claimed = claim(delivery);
        if (claimed.receipt() != null) {
            return claimed.receipt();
        }
        return parking.park(claimed.delivery(), new Parking.Why(cause, reason, null, false, waitingFor), null, true);
    }

    /** The delivery with the dead letter its key was parked as, or the receipt of a claim lost. */
    private record Claimed(Delivery delivery, Receipt receipt) {
    }

    private Claimed claim(Delivery delivery) {
        StateStore.Claim claim;
        try {
            claim = claims.claim(delivery);
        } catch (RuntimeException e) {
            Log.errorf(e, "could not claim %s", delivery.key());
            return new Claimed(delivery, new Receipt.Failed(delivery, "Ponte's state store could not be reached, so nothing"
                    + " was sent."));
        }
        return switch (claim.status()) {
            case WON -> new Claimed(claim.letterId() == null ? delivery : delivery.withLetterId(claim.letterId()), null);
            case DONE -> new Claimed(delivery, new Receipt.Duplicate(delivery, claim.answer()));
            case IN_PROGRESS -> new Claimed(delivery, new Receipt.InProgress(delivery));
            case MAYBE -> new Claimed(delivery, letters.get(claim.letterId())
                    .<Receipt>map(letter -> new Receipt.Parked(delivery, letter, null))
                    .orElseGet(() -> new Receipt.Duplicate(delivery, null)));
        };
    }
}
