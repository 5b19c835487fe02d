package dev.ponte.delivery.state;

import java.time.Duration;

/**
 * How long the state store keeps what it keeps. {@code ttl}: a delivered key (vendors redeliver
 * for up to 48 h). {@code claimTimeout}: a claim with no outcome, after which its process is taken
 * for gone. {@code parkedHold}: a parked delivery's key, as long as its dead letter may still be
 * redelivered.
 */
public record Retention(Duration ttl, Duration claimTimeout, Duration parkedHold) {
}
