package dev.ponte.delivery;

/**
 * Fired once a delivery is kept as a dead letter (a first time, or again after another attempt).
 * {@code answering}: parked while its sender waits for the answer, which says so itself.
 * Observed outside delivery.
 */
public record Parked(Delivery delivery, DeadLetter letter, boolean answering) {
}
