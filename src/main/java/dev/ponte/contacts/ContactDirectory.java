package dev.ponte.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.rd.events.RdEvent;
import dev.ponte.rd.events.RdJson;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Which email a phone number belongs to, learned from the events Ponte delivered that carried
 * both (chats, conversions, calls). Telephony sends only numbers; this is how a later call finds
 * its contact. Also which email a vendor's visitor cookie belongs to. Kept in the dedupe store,
 * so every instance shares it.
 */
@ApplicationScoped
public class ContactDirectory {

    /** Long enough for the next call from a lead; short enough that a reassigned number fades. */
    static final Duration KEEP = Duration.ofDays(365);
    private static final List<String> PHONE_FIELDS = List.of("personal_phone", "mobile_phone");

    private final DedupeStore store;

    @Inject
    public ContactDirectory(DedupeStore store) {
        this.store = store;
    }

    public Optional<String> emailFor(String e164Phone) {
        if (e164Phone == null) {
            return Optional.empty();
        }
        try {
            return store.recall(key(e164Phone));
        } catch (RuntimeException e) {
            Log.warnf(e, "could not look up the contact directory");
            return Optional.empty();
        }
    }

    /** Learns the phone numbers of delivered events that also name an email. */
    public void learn(List<RdEvent> events) {
        for (RdEvent event : events) {
            String email = event.payload().email();
            if (email == null) {
                continue;
            }
            JsonNode payload = RdJson.tree(event).path("payload");
            for (String field : PHONE_FIELDS) {
                String phone = dev.ponte.mapping.Contacts.phone(payload.path(field).asText(null));
                if (phone != null) {
                    try {
                        store.remember(key(phone), email, KEEP);
                    } catch (RuntimeException e) {
                        Log.warnf(e, "could not record a phone number in the contact directory");
                    }
                }
            }
        }
    }

    /**
     * The email a vendor's anonymous visitor id (a cookie) was seen with, for vendors whose views
     * name only the visitor until the visitor types an email (Wistia's Turnstile).
     */
    public Optional<String> emailForVisitor(String vendor, String visitorId) {
        if (visitorId == null) {
            return Optional.empty();
        }
        try {
            return store.recall(visitorKey(vendor, visitorId));
        } catch (RuntimeException e) {
            Log.warnf(e, "could not look up the contact directory");
            return Optional.empty();
        }
    }

    public void learnVisitor(String vendor, String visitorId, String email) {
        try {
            store.remember(visitorKey(vendor, visitorId), email, KEEP);
        } catch (RuntimeException e) {
            Log.warnf(e, "could not record a visitor in the contact directory");
        }
    }

    private static String visitorKey(String vendor, String visitorId) {
        return "contact-visitor:" + vendor + ":" + visitorId;
    }

    private static String key(String e164Phone) {
        return "contact-phone:" + e164Phone;
    }
}
