package dev.ponte.webhook;

import dev.ponte.rd.events.RdEvent;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;

/**
 * What a handler learned about its request, for the one log line {@link EdgeLog} writes.
 * Reached through a client proxy, so it is read by methods only: a field read on the proxy
 * would see the proxy's own fields, not this request's.
 */
@RequestScoped
public class EdgeLogEntry {

    private long startedNanos = System.nanoTime();
    private List<RdEvent> events = List.of();
    private String outcome;
    private int attempts;
    private String topic;
    private String deliveryId;
    private List<dev.ponte.delivery.Receipt> receipts = List.of();

    /** Called as the request arrives, so the time covers parsing and refusals too. */
    void start() {
        startedNanos = System.nanoTime();
    }

    public void events(List<RdEvent> events) {
        this.events = List.copyOf(events);
    }

    /** The vendor's topic and delivery id, for webhooks. */
    public void webhook(String topic, String deliveryId) {
        this.topic = topic;
        this.deliveryId = deliveryId;
    }

    String topic() {
        return topic;
    }

    String deliveryId() {
        return deliveryId;
    }

    /** What the intake made of the request's deliveries, for the journal. */
    public void receipts(List<dev.ponte.delivery.Receipt> receipts) {
        this.receipts = List.copyOf(receipts);
    }

    List<dev.ponte.delivery.Receipt> receipts() {
        return receipts;
    }

    public void outcome(String outcome, int attempts) {
        this.outcome = outcome;
        this.attempts = attempts;
    }

    List<RdEvent> events() {
        return events;
    }

    String outcome() {
        return outcome;
    }

    int attempts() {
        return attempts;
    }

    long elapsedMillis() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
