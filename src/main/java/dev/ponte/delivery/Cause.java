package dev.ponte.delivery;

/** Why a delivery is a dead letter, which decides whether Ponte tries it again by itself. */
public enum Cause {
    /** RD answered 5xx, could not be reached, or was not tried while its circuit was open. */
    RD_UNAVAILABLE(true),
    /** RD answered 429; its Retry-After is honoured. */
    RATE_LIMITED(true),
    /** The vendor's API Ponte reads the order from was down. */
    VENDOR_API_UNAVAILABLE(true),
    /** A request got no answer: RD may have processed it. Held for the operator, never resent blindly. */
    MAYBE_DELIVERED(false),
    /** RD refused the events. */
    REJECTED(false),
    /** The mapped events break RD's documented rules: RD would refuse them. */
    INVALID(false),
    /** RD refused Ponte's credentials: fixed in the configuration, then replayed. */
    CREDENTIALS_REFUSED(false),
    /** A genuine webhook no mapping rule covers: kept with its request, replayed by the operator. */
    UNMAPPABLE(false),
    /** No email yet for the contact's phone number: tried again when Ponte learns it. */
    NO_CONTACT(false);

    private final boolean retriedAutomatically;

    Cause(boolean retriedAutomatically) {
        this.retriedAutomatically = retriedAutomatically;
    }

    /** Transient causes are retried on the redelivery schedule; the others wait for the operator (or the contact). */
    public boolean retriedAutomatically() {
        return retriedAutomatically;
    }
}
