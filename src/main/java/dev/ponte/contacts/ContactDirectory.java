package dev.ponte.contacts;

import dev.ponte.delivery.state.StateStore;
import dev.ponte.mapping.Fact;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * Which email a phone number belongs to, learned from the events Ponte delivered that carried
 * both (chats, conversions, calls): telephony sends only numbers, and this is how a later call
 * finds its contact. Also which email a vendor's visitor cookie belongs to. Read here; written
 * only by {@link Learning}, once RD has accepted the events that taught it. Kept in the state
 * store, so every instance shares it.
 */
@ApplicationScoped
public class ContactDirectory {

    /** Long enough for the next call from a lead; short enough that a reassigned number fades. */
    static final Duration KEEP = Duration.ofDays(365);

    /** Refunds and deliveries come weeks after the order, rarely more than a few months. */
    static final Duration ORDER_KEEP = Duration.ofDays(180);

    private final StateStore store;

    @Inject
    public ContactDirectory(StateStore store) {
        this.store = store;
    }

    public Optional<String> emailFor(String e164Phone) {
        return e164Phone == null ? Optional.empty() : recall(phoneKey(e164Phone));
    }

    /**
     * The email a vendor's anonymous visitor id (a cookie) was seen with, for vendors whose views
     * name only the visitor until the visitor types an email (Wistia's Turnstile).
     */
    public Optional<String> emailForVisitor(String vendor, String visitorId) {
        return visitorId == null ? Optional.empty() : recall(visitorKey(vendor, visitorId));
    }

    /** What a mapper declares when a payload names a visitor together with their email. */
    public static Fact visitor(String vendor, String visitorId, String email) {
        return Fact.of(visitorKey(vendor, visitorId), email, KEEP);
    }

    /**
     * What a mapper declares when an order names its buyer: a store's later news of the order
     * (a refund, a delivery) often names only the order.
     */
    public static Fact order(String vendor, String orderId, String email) {
        return Fact.of(orderKey(vendor, orderId), email, ORDER_KEEP);
    }

    /** The buyer's email of an order Ponte delivered. */
    public Optional<String> emailForOrder(String vendor, String orderId) {
        return orderId == null ? Optional.empty() : recall(orderKey(vendor, orderId));
    }

    /** What a dead letter waits for when it needs an order's buyer: the fact {@link #order} keeps. */
    public static String orderKey(String vendor, String orderId) {
        return "contact-order:" + vendor + ":" + orderId;
    }

    static Fact phone(String e164Phone, String email) {
        return Fact.of(phoneKey(e164Phone), email, KEEP);
    }

    private Optional<String> recall(String key) {
        try {
            return store.recall(key);
        } catch (RuntimeException e) {
            Log.warnf(e, "could not look up the contact directory");
            return Optional.empty();
        }
    }

    private static String visitorKey(String vendor, String visitorId) {
        return "contact-visitor:" + vendor + ":" + visitorId;
    }

    private static String phoneKey(String e164Phone) {
        return "contact-phone:" + e164Phone;
    }
}
