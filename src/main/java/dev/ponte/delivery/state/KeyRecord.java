package dev.ponte.delivery.state;

/**
 * One delivery key as the map-backed stores keep it, written as one short string so a
 * compare-and-set on it is a compare of strings.
 */
record KeyRecord(State state, long expiresAtMillis, long boot, String letterId, String answer) {

    enum State { PENDING, QUEUED, DONE, PARKED, MAYBE }

    private static final char SEPARATOR = '\u001f';
    private static final String PENDING_PREFIX = State.PENDING.name() + SEPARATOR;

    boolean expired(long nowMillis) {
        return expiresAtMillis <= nowMillis;
    }

    String encode() {
        return state.name() + SEPARATOR + expiresAtMillis + SEPARATOR + boot + SEPARATOR
                + (letterId == null ? "" : letterId) + SEPARATOR + (answer == null ? "" : answer);
    }

    /** Whether an encoded record is pending, read without decoding it. */
    static boolean pending(String encoded) {
        return encoded.startsWith(PENDING_PREFIX);
    }

    /** The expiry of an encoded record, read without decoding the rest. */
    static long expiresAtMillis(String encoded) {
        int from = encoded.indexOf(SEPARATOR) + 1;
        return Long.parseLong(encoded, from, encoded.indexOf(SEPARATOR, from), 10);
    }

    static KeyRecord decode(String encoded) {
        if (encoded == null) {
            return null;
        }
        String[] parts = encoded.split(String.valueOf(SEPARATOR), 5);
        return new KeyRecord(State.valueOf(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                parts[3].isEmpty() ? null : parts[3], parts[4].isEmpty() ? null : parts[4]);
    }
}
