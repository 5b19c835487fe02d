package dev.ponte.contacts;

import dev.ponte.delivery.Delivered;
import dev.ponte.delivery.Redelivery;
import dev.ponte.delivery.state.StateStore;
import dev.ponte.mapping.Contacts;
import dev.ponte.mapping.Fact;
import dev.ponte.rd.events.NamesMobilePhone;
import dev.ponte.rd.events.NamesPersonalPhone;
import dev.ponte.rd.events.RdEvent;
import dev.ponte.rd.events.RdPayload;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * The one owner of what deliveries teach, acting only once RD has accepted a delivery: the
 * facts its mapper declared, and the phone numbers of its events that also name an email. A
 * dead letter that waited for one of those numbers, or for one of those facts (an order's email),
 * is woken, so it reaches RD now.
 */
@ApplicationScoped
public class Learning {

    private final StateStore store;
    private final Redelivery redelivery;

    @Inject
    public Learning(StateStore store, Redelivery redelivery) {
        this.store = store;
        this.redelivery = redelivery;
    }

    void learn(@Observes Delivered delivered) {
        List<Fact> facts = facts(delivered.delivery().events(), delivered.delivery().facts());
        for (Fact fact : facts) {
            try {
                // Durable with the delivery's key, which Settlement records next.
                store.rememberBefore(fact.key(), fact.value(), fact.keep());
            } catch (RuntimeException e) {
                Log.warnf(e, "could not keep what a delivery taught (%s)", fact.key().replaceAll(":.*", ""));
            }
        }
        List<String> subjects = new ArrayList<>(phones(delivered.delivery().events()));
        delivered.delivery().facts().forEach(fact -> subjects.add(fact.key()));
        for (String phone : subjects) {
            try {
                redelivery.wake(phone);
            } catch (RuntimeException e) {
                Log.warnf(e, "could not wake the dead letters waiting for what a delivery taught");
            }
        }
    }

    /** What delivered events teach: the facts their mapper declared, and each phone number's email. */
    public static List<Fact> facts(List<RdEvent> events, List<Fact> declared) {
        List<Fact> facts = new ArrayList<>(declared);
        for (RdEvent event : events) {
            for (String phone : phones(List.of(event))) {
                facts.add(ContactDirectory.phone(phone, event.payload().email()));
            }
        }
        return facts;
    }

    /** The E.164 phone numbers of events that also name an email ({@code personal_phone}, then {@code mobile_phone}). */
    private static List<String> phones(List<RdEvent> events) {
        List<String> phones = new ArrayList<>();
        for (RdEvent event : events) {
            RdPayload payload = event.payload();
            if (payload.email() == null) {
                continue;
            }
            if (payload instanceof NamesPersonalPhone named) {
                addPhone(phones, named.personalPhone());
            }
            if (payload instanceof NamesMobilePhone named) {
                addPhone(phones, named.mobilePhone());
            }
        }
        return phones;
    }

    private static void addPhone(List<String> phones, String given) {
        String phone = Contacts.phone(given);
        if (phone != null) {
            phones.add(phone);
        }
    }
}
