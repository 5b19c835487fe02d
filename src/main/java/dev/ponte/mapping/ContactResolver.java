package dev.ponte.mapping;

import dev.ponte.delivery.ContactDirectory;
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
}
