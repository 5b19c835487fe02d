package dev.ponte.delivery;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Fired once RD has accepted a delivery, just before its key records it (which makes what
 * observers keep with {@code StateStore.rememberBefore} durable with it): the moment what it
 * teaches (a phone number's email, a visitor's email) may be kept. {@code answer}: RD's answer for this delivery's
 * events (their {@code event_uuid}s). {@code answering}: settled while its sender waits for the
 * answer, which says so itself (the edge's journal entry is written after it). Observed outside
 * delivery.
 */
public record Delivered(Delivery delivery, JsonNode answer, boolean answering) {
}
