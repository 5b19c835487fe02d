package dev.ponte.mapping;

import dev.ponte.contacts.ContactDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * RD needs an email; telephony sends phone numbers. One way to find it, for every vendor: the
 * payload's own email; else an {@code email} parameter on the webhook URL the user configured
 * (one URL per salesperson or campaign); else the email Ponte learned for that number from
 * earlier events. Otherwise there is none, and the mapper says so.
 */
@ApplicationScoped
public class ContactResolver {

    private final ContactDirectory directory;

    @Inject
    public ContactResolver(ContactDirectory directory) {
        this.directory = directory;
    }

    public Optional<String> email(Webhook webhook, String payloadEmail, String e164Phone) {
        String email = Contacts.email(payloadEmail, webhook.queryParameter("email"));
        if (email != null) {
            return Optional.of(email);
        }
        return directory.emailFor(e164Phone);
    }

    /**
     * What to do with an event when {@link #email} found nobody: with a phone number the contact
     * may be learned later, so it is parked and replayable; without one RD can never have a
     * contact for it, and it is acknowledged with {@code whyNoContact}.
     */
    public static MappingResult noEmail(String topic, String deliveryId, String e164Phone, String whyNoContact) {
        if (e164Phone == null) {
            return new MappingResult.Ignored(topic, whyNoContact);
        }
        return new MappingResult.Unresolved(topic, deliveryId, "No email for " + e164Phone
                + ": Ponte sends it once the number is learned from an event that carries both.", e164Phone);
    }
}
