package dev.ponte.delivery;

import dev.ponte.delivery.state.StateStore;
import dev.ponte.rd.RdCircuit;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Brings back what waits, without an operator: dead letters whose next attempt has come, timers
 * that came due, and deliveries whose process died while RD may have been working on them (those
 * are listed as maybe delivered, never resent). Each sweep leases what it takes, so several
 * instances sweeping the same store never work on one letter at once, and the delivery key's
 * claim guarantees RD gets it once. When RD's circuit is open, one letter probes it; the rest
 * wait for the next sweep unless the probe closed it. Operators' replays go the same way,
 * probing RD rather than failing fast.
 */
@ApplicationScoped
public class Redelivery {

    /** What a replay came to. */
    public enum Outcome { DELIVERED, DEDUPLICATED, QUEUED, IN_FLIGHT, STILL_FAILING }

    /** How long a sweep holds what it took before another may take it again. */
    static final Duration LEASE = Duration.ofMinutes(5);

    private final StateStore store;
    private final DeadLetters letters;
    private final Timers timers;
    private final Intake intake;
    private final Claims claims;
    private final Parking parking;
    private final Instance<Remapping> remapping;
    private final RdCircuit circuit;
    private final RedeliveryConfig config;
    private final Clock clock;
    private final dev.ponte.journal.Traffic traffic;
    private volatile Instant lastPurge = Instant.EPOCH;

    @Inject
    public Redelivery(StateStore store, DeadLetters letters, Timers timers, Intake intake, Claims claims, Parking parking,
            Instance<Remapping> remapping, RdCircuit circuit, RedeliveryConfig config, Clock clock,
            dev.ponte.journal.Traffic traffic) {
        this.traffic = traffic;
        this.store = store;
        this.letters = letters;
        this.timers = timers;
        this.intake = intake;
        this.claims = claims;
        this.parking = parking;
        this.remapping = remapping;
        this.circuit = circuit;
        this.config = config;
        this.clock = clock;
    }

    /** What one sweep did, for its log line and for tests. */
    public record Sweep(int adopted, int letters, int delivered, int timers) {
    }

    public synchronized Sweep sweep() {
        int adopted = adoptOrphans();
        Instant now = clock.instant();
        List<DeadLetter> due = letters.due(now, config.batchSize()).stream()
                .filter(letter -> letters.lease(letter, lease(now))).toList();
        Map<Outcome, Integer> counts = redeliver(due);
        List<Timers.Due> fired = timers.takeDue(now, lease(now), config.batchSize());
        if (!fired.isEmpty()) {
            intake.accept(fired.stream().map(Timers.Due::delivery).toList(), DeliverySink.Urgency.BACKGROUND);
            fired.forEach(timers::fired);
        }
        if (Duration.between(lastPurge, now).compareTo(Duration.ofMinutes(10)) > 0) {
            lastPurge = now;
            store.purgeExpired();
        }
        Sweep sweep = new Sweep(adopted, due.size(), counts.get(Outcome.DELIVERED), fired.size());
        if (adopted + due.size() + fired.size() > 0) {
            Log.infof("redelivery: %s", sweep);
        }
        return sweep;
    }

    /**
     * Claims left pending by a process that is gone: RD may have their events, so each becomes a
     * dead letter held as maybe delivered, with the delivery it wrote ahead. One that wrote
     * nothing ahead never reached the sending step, and is simply freed.
     */
    private int adoptOrphans() {
        int adopted = 0;
        for (StateStore.Orphan orphan : store.orphans(config.batchSize())) {
            if (orphan.inFlight() == null) {
                store.release(orphan.key());
                continue;
            }
            Delivery delivery = StoredDelivery.read(orphan.inFlight());
            String id = delivery.letterId() != null ? delivery.letterId() : UUID.randomUUID().toString();
            if (store.adopt(orphan, id)) {
                parking.park(delivery.withLetterId(id), new Parking.Why(Cause.MAYBE_DELIVERED, "Ponte stopped while"
                        + " this delivery was being sent, so RD may have it. Held rather than sent again: check RD,"
                        + " then replay or discard it.", null, false, null), null, false);
                adopted++;
            }
        }
        return adopted;
    }

    /** Replays one letter now, as an operator asked: RD is probed even if its circuit is open. */
    public Optional<Outcome> replay(String id) {
        Optional<DeadLetter> letter = letters.get(id);
        letter.ifPresent(this::forceable);
        return letter.map(found -> {
            Map<Outcome, Integer> counts = redeliver(List.of(found));
            return counts.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).findFirst()
                    .orElse(Outcome.STILL_FAILING);
        });
    }

    /** Replays every letter, oldest first. */
    public Map<Outcome, Integer> replayAll(int max) {
        List<DeadLetter> all = letters.list(max);
        all.forEach(this::forceable);
        return redeliver(all);
    }

    /**
     * Something letters wait for has arrived (the email of a phone number): they are due now,
     * and the next sweep maps and sends them.
     */
    public void wake(String subject) {
        for (DeadLetter letter : letters.waitingFor(subject)) {
            letters.lease(letter, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        }
    }

    /** An operator's replay sends even what was held as maybe delivered: that is their call. */
    private void forceable(DeadLetter letter) {
        if (letter.cause() == Cause.MAYBE_DELIVERED) {
            claims.release(letter.delivery().delivery());
        }
    }

    private Map<Outcome, Integer> redeliver(List<DeadLetter> due) {
        Map<Outcome, Integer> counts = redeliverAll(due);
        counts.forEach((outcome, count) -> traffic.redelivered(name(outcome), count));
        return counts;
    }

    private Map<Outcome, Integer> redeliverAll(List<DeadLetter> due) {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, 0);
        }
        if (due.isEmpty()) {
            return counts;
        }
        List<Delivery> deliveries = new ArrayList<>();
        for (DeadLetter letter : due) {
            delivery(letter).ifPresentOrElse(deliveries::add, () -> counts.merge(Outcome.STILL_FAILING, 1, Integer::sum));
        }
        int from = 0;
        if (circuit.isOpen() && !deliveries.isEmpty()) {
            // Probe once; only if that closes the circuit does the backlog follow.
            circuit.allowProbe();
            count(intake.accept(deliveries.subList(0, 1), DeliverySink.Urgency.BACKGROUND), counts);
            from = 1;
            if (circuit.isOpen()) {
                for (Delivery waiting : deliveries.subList(1, deliveries.size())) {
                    parking.postpone(waiting);
                    counts.merge(Outcome.STILL_FAILING, 1, Integer::sum);
                }
                return counts;
            }
        }
        count(intake.accept(deliveries.subList(from, deliveries.size()), DeliverySink.Urgency.BACKGROUND), counts);
        return counts;
    }

    private void count(List<Receipt> receipts, Map<Outcome, Integer> counts) {
        for (Receipt receipt : receipts) {
            Outcome outcome;
            if (receipt instanceof Receipt.Delivered) {
                outcome = Outcome.DELIVERED;
            } else if (receipt instanceof Receipt.Duplicate duplicate) {
                letters.remove(duplicate.delivery().letterId());
                outcome = Outcome.DEDUPLICATED;
            } else if (receipt instanceof Receipt.Queued) {
                outcome = Outcome.QUEUED;
            } else if (receipt instanceof Receipt.InFlight) {
                outcome = Outcome.IN_FLIGHT;
            } else {
                outcome = Outcome.STILL_FAILING;
            }
            counts.merge(outcome, 1, Integer::sum);
        }
    }

    /** The letter's delivery, mapped again first if it was parked before it had events; empty if it still cannot be. */
    private Optional<Delivery> delivery(DeadLetter letter) {
        Delivery delivery = letter.delivery().delivery().withLetterId(letter.id());
        if (!delivery.events().isEmpty()) {
            return Optional.of(delivery);
        }
        Remapping.Remapped remapped;
        try {
            remapped = remapping.isResolvable() ? remapping.get().remap(letter)
                    : new Remapping.Remapped(List.of(), letter.cause(), "Nothing can map parked requests again.", null);
        } catch (RuntimeException e) {
            Log.warnf(e, "dead letter %s could not be mapped again", letter.id());
            remapped = new Remapping.Remapped(List.of(), Cause.VENDOR_API_UNAVAILABLE,
                    "Mapping the parked request again failed: " + e.getMessage(), null);
        }
        if (remapped.events().isEmpty()) {
            parking.park(delivery, new Parking.Why(remapped.cause(), remapped.reason(), null, false, remapped.waitingFor()),
                    null, false);
            return Optional.empty();
        }
        return Optional.of(delivery.withEvents(remapped.events()));
    }

    private static Instant lease(Instant now) {
        return now.plus(LEASE).truncatedTo(ChronoUnit.MILLIS);
    }

    public static String name(Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }
}
