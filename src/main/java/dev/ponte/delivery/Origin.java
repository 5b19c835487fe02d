package dev.ponte.delivery;

/** Where a delivery came from, which decides who hears of a refusal. */
public enum Origin {
    /** A vendor's webhook: the vendor only needs a 2xx; whatever RD refuses is parked. */
    WEBHOOK,
    /** {@code /events} or {@code /events/batch}: the caller waits and hears RD's refusal itself. */
    API,
    /** A timer that came due: nobody waits; refusals are parked. */
    TIMER
}
