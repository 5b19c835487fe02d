package dev.ponte.delivery;

import java.time.Duration;
import java.util.Optional;

/**
 * Remembers which deliveries were already handled, so a vendor's redelivery, a replay or a
 * concurrent copy never reaches RD twice. A key is claimed before delivery, completed once RD
 * accepted (keeping RD's answer for later duplicates), or released when delivery failed so that
 * the next attempt is not refused.
 */
public interface DedupeStore {

    /** The result of {@link #claim}: won, or someone else has it (in progress, or done with its answer). */
    record Claim(boolean won, boolean inProgress, String result) {

        public static final Claim WON = new Claim(true, false, null);
        public static final Claim IN_PROGRESS = new Claim(false, true, null);

        public static Claim done(String result) {
            return new Claim(false, false, result);
        }
    }

    Claim claim(String key);

    /** RD accepted: the key stays taken for the dedupe TTL, with RD's answer for later duplicates. */
    void complete(String key, String result);

    /** Whether a delivery under {@code key} was completed and is still remembered; a claim in progress is not. */
    boolean completed(String key);

    /** Delivery failed or was parked: the key is free again. */
    void release(String key);

    /**
     * Keeps a small fact under {@code key} for {@code ttl}, in the same store so it is shared as
     * dedupe keys are (e.g. which email a phone number belongs to).
     */
    void remember(String key, String value, Duration ttl);

    /** What {@link #remember} kept under {@code key}, if it has not expired. */
    Optional<String> recall(String key);
}
