package dev.ponte.delivery;

/**
 * Fired once RD has accepted a delivery and it is recorded: the moment what it teaches (a phone
 * number's email, a visitor's email) may be kept. Observed outside delivery.
 */
public record Delivered(Delivery delivery) {
}
