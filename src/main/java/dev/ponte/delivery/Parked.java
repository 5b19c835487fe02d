package dev.ponte.delivery;

/** Fired once a delivery is kept as a dead letter (a first time, or again after another attempt). Observed outside delivery. */
public record Parked(Delivery delivery, DeadLetter letter) {
}
