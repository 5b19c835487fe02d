package dev.ponte.delivery;

/**
 * Ponte's state store could not be read or written, so nothing was decided about a delivery: the
 * sender is answered 503 and sends it again, which is always safe.
 */
public final class StateUnavailable extends RuntimeException {

    public StateUnavailable(String what, RuntimeException cause) {
        super("Ponte's state store could not be reached (" + what + "), so nothing was sent. Send it again.", cause);
    }
}
