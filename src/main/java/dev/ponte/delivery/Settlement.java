package dev.ponte.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.rd.RdOutcome;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Records what RD made of a claimed delivery, the same way whichever path sent it: accepted →
 * its key keeps RD's answer, its dead letter (if it was one) goes, and what it teaches is
 * learned; refused while the caller waits (/events) → the caller hears RD's error; anything
 * else → parked. A request still in flight when the sender had to answer is settled when RD
 * answers, on Ponte's own threads; where the platform freezes the process after the answer
 * (Lambda), it is waited for instead, since it could not run on.
 */
@ApplicationScoped
public class Settlement {

    private final Claims claims;
    private final Parking parking;
    private final DeadLetters letters;
    private final Event<Delivered> delivered;
    private final boolean freezesAfterAnswer;
    /**
     * Settles late answers: a few threads, made when first needed. A thread per answer made
     * hundreds at once when a large shared call's answer came late for all its deliveries
     * (measured: 604 threads with 800 vendors at once and RD answering in 1 s).
     */
    private final ExecutorService late = Executors.newFixedThreadPool(Math.max(2, 2 * Runtime.getRuntime().availableProcessors()),
            runnable -> {
                Thread thread = new Thread(runnable, "ponte-rd-late-answers");
                thread.setDaemon(true);
                return thread;
            });

    @Inject
    public Settlement(Claims claims, Parking parking, DeadLetters letters, Event<Delivered> delivered) {
        this.claims = claims;
        this.parking = parking;
        this.letters = letters;
        this.delivered = delivered;
        this.freezesAfterAnswer = Platform.current().lambda();
    }

    /**
     * Settles one sent delivery. {@code background}: nobody is waiting for the answer (the queue
     * worker, redelivery), so a request in flight is waited for, and a letter that was not tried
     * at all keeps its place for the next sweep.
     */
    public Receipt settle(Sender.Sent sent, boolean background) {
        Delivery delivery = sent.delivery();
        RdOutcome outcome = sent.outcome();
        if (outcome instanceof RdOutcome.InFlight inFlight) {
            if (background || freezesAfterAnswer) {
                return settle(Sender.Sent.whole(delivery, inFlight.settled().toCompletableFuture().join()),
                        background);
            }
            inFlight.settled().whenCompleteAsync((answer, failure) -> {
                if (failure != null) {
                    Log.errorf(failure, "RD's late answer for %s could not be read; it stays claimed", delivery.key());
                    return;
                }
                Receipt receipt = settle(Sender.Sent.whole(delivery, answer), true);
                Log.infof("RD answered %s after its sender was answered: %s", delivery.key(),
                        receipt.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
            }, late);
            return new Receipt.InFlight(delivery, inFlight.attempts());
        }
        if (outcome instanceof RdOutcome.Accepted accepted) {
            return record(delivery, accepted.body(), accepted.attempts(), background);
        }
        boolean callerWaits = delivery.origin() == Origin.API && delivery.letterId() == null;
        if (outcome instanceof RdOutcome.Rejected rejected) {
            if (callerWaits) {
                claims.release(delivery);
                return new Receipt.Refused(delivery, outcome);
            }
            return park(sent, background, Parking.Why.of(Cause.REJECTED, Reasons.withEcommerceHint(Reasons.of(rejected), delivery)));
        }
        if (outcome instanceof RdOutcome.CredentialsRefused refused) {
            if (callerWaits) {
                claims.release(delivery);
                return new Receipt.Refused(delivery, outcome);
            }
            return park(sent, background, Parking.Why.of(Cause.CREDENTIALS_REFUSED, Reasons.withEcommerceHint(refused.message(),
                    delivery)));
        }
        if (outcome instanceof RdOutcome.NoAnswer noAnswer) {
            return park(sent, background, Parking.Why.of(Cause.MAYBE_DELIVERED, noAnswer.reason()
                    + ". Held rather than sent again: check RD, then replay or discard it."));
        }
        RdOutcome.Unavailable unavailable = (RdOutcome.Unavailable) outcome;
        if (background && sent.notTried() && sent.delivered() == 0 && delivery.letterId() != null) {
            parking.postpone(delivery);
            return new Receipt.InProgress(delivery);
        }
        return park(sent, background, new Parking.Why(unavailable.rateLimited() ? Cause.RATE_LIMITED : Cause.RD_UNAVAILABLE,
                "RD unavailable: " + unavailable.reason(), unavailable.retryAfter(), unavailable.attempts() > 0, null));
    }

    /**
     * RD took it: what it teaches is learned, the key keeps RD's answer, and the letter it was is
     * gone. Learned first: the facts are kept without a commit of their own, and the key's change
     * commits them with it (measured: a Shopify order's one fact was a third of its commits).
     */
    public Receipt record(Delivery delivery, JsonNode answer, int attempts, boolean background) {
        try {
            delivered.fire(new Delivered(delivery, answer, !background));
        } catch (RuntimeException e) {
            Log.warnf(e, "delivered %s, but what it teaches could not be kept", delivery.key());
        }
        claims.delivered(delivery, answer.toString());
        if (delivery.letterId() != null) {
            try {
                letters.remove(delivery.letterId());
            } catch (RuntimeException e) {
                Log.errorf(e, "delivered dead letter %s but could not remove it; a replay finds it delivered",
                        delivery.letterId());
            }
        }
        return new Receipt.Delivered(delivery, answer, attempts);
    }

    /** Parks what is still owed: all of it, or, of a delivery RD took in part, the events from the first it did not take. */
    private Receipt park(Sender.Sent sent, boolean background, Parking.Why why) {
        Delivery owed = sent.delivered() == 0 ? sent.delivery()
                : sent.delivery().withEvents(List.copyOf(sent.delivery().events().subList(sent.delivered(),
                        sent.delivery().events().size())));
        return parking.park(owed, why, sent.deliveredAnswer(), !background);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        late.shutdown();
        if (!late.awaitTermination(5, TimeUnit.SECONDS)) {
            Log.warn("RD had not answered every request at shutdown; those are listed as maybe delivered on the next start");
        }
    }
}
