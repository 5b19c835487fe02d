package dev.ponte.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.journal.Traffic;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Parks what could not be delivered as a dead letter, or updates the letter it already is: the
 * events still owed, why, how many attempts, and when it is tried next. Its key is settled with
 * it: held as maybe delivered when RD may have it, otherwise parked so a later copy takes the
 * same letter over rather than making a second one.
 */
@ApplicationScoped
public class Parking {

    /** One line per letter that needs a person, for people and log searches; alarms count {@link Traffic#needsOperator}. */
    private static final Logger NEEDS_OPERATOR = Logger.getLogger("ponte.dead-letters");

    private final DeadLetters letters;
    private final Claims claims;
    private final RedeliverySchedule schedule;
    private final Clock clock;
    private final Event<Parked> parked;
    private final Traffic traffic;

    @Inject
    public Parking(DeadLetters letters, Claims claims, RedeliverySchedule schedule, Clock clock, Event<Parked> parked,
            Traffic traffic) {
        this.letters = letters;
        this.claims = claims;
        this.schedule = schedule;
        this.clock = clock;
        this.parked = parked;
        this.traffic = traffic;
    }

    /** What to park, and why. {@code tried}: whether this attempt reached (or tried to reach) RD. */
    public record Why(Cause cause, String reason, Duration retryAfter, boolean tried, String waitingFor) {

        public static Why of(Cause cause, String reason) {
            return new Why(cause, reason, null, true, null);
        }
    }

    /** Parks a claimed delivery; when not even that works, frees its key and answers Failed (the sender retries). */
    public Receipt park(Delivery delivery, Why why, JsonNode deliveredAnswer, boolean answering) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Optional<DeadLetter> earlier = delivery.letterId() == null ? Optional.empty() : safely(delivery.letterId());
        String id = delivery.letterId() != null ? delivery.letterId() : UUID.randomUUID().toString();
        int attempts = earlier.map(DeadLetter::attempts).orElse(0) + (why.tried() ? 1 : 0);
        Instant parkedAt = earlier.map(l -> Instant.parse(l.parkedAt())).orElse(now);
        Optional<Instant> next = schedule.next(why.cause(), attempts, parkedAt, now, why.retryAfter());
        DeadLetter letter = DeadLetterBuilder.builder().id(id).cause(why.cause()).reason(why.reason()).attempts(attempts)
                .parkedAt(parkedAt.toString()).lastAttemptAt(why.tried() ? now.toString()
                        : earlier.map(DeadLetter::lastAttemptAt).orElse(null))
                .nextAttemptAt(next.map(Instant::toString).orElse(null)).waitingFor(why.waitingFor())
                .delivery(StoredDelivery.of(delivery.withLetterId(id))).build();
        try {
            letters.put(letter);
            claims.parked(delivery, letter);
        } catch (RuntimeException e) {
            Log.errorf(e, "could not park a dead letter for %s (%s)", delivery.source(), why.reason());
            claims.release(delivery);
            return new Receipt.Failed(delivery, "Not delivered (" + why.reason() + "), and Ponte's state store could not"
                    + " keep it.");
        }
        Log.warnf("parked dead letter %s from %s (%s, attempt %s, next %s): %s", id, delivery.source(), why.cause(),
                attempts, next.map(Instant::toString).orElse(letter.status()), why.reason());
        if (next.isEmpty() && (earlier.isEmpty() || earlier.get().nextAttemptAt() != null)) {
            String cause = why.cause().name().toLowerCase(Locale.ROOT);
            NEEDS_OPERATOR.warnf("{\"dead_letter\":\"%s\",\"needs_operator\":true,\"status\":\"%s\",\"cause\":\"%s\"}", id,
                    letter.status(), cause);
            traffic.needsOperator(letter.status(), cause);
        }
        try {
            parked.fire(new Parked(delivery, letter, answering));
        } catch (RuntimeException e) {
            Log.warnf(e, "parked %s, but its observers failed", id);
        }
        return new Receipt.Parked(delivery, letter, deliveredAnswer);
    }

    /** A letter not tried at all this time (its sweep found RD's circuit open): due again after the first wait. */
    public void postpone(Delivery delivery) {
        safely(delivery.letterId()).ifPresent(letter -> {
            DeadLetter later = letter.withNextAttemptAt(clock.instant().plus(schedule.first())
                    .truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString());
            letters.put(later);
            claims.parked(delivery, later);
        });
    }

    private Optional<DeadLetter> safely(String id) {
        try {
            return letters.get(id);
        } catch (RuntimeException e) {
            Log.warnf(e, "could not read dead letter %s; parking anew", id);
            return Optional.empty();
        }
    }
}
