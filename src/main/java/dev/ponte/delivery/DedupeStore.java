package dev.ponte.delivery;

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

    /** Delivery failed or was parked: the key is free again. */
    void release(String key);
}
