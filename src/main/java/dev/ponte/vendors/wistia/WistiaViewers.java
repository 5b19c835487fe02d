package dev.ponte.vendors.wistia;

import dev.ponte.delivery.DedupeStore;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * Which email a Wistia visitor gave. Viewing events name only the visitor (a cookie); a
 * Turnstile conversion names both, and from then on that visitor's plays reach RD as theirs.
 * Kept in the dedupe store so every instance shares it.
 */
@ApplicationScoped
public class WistiaViewers {

    /** Wistia's visitor cookie lives about a year. */
    static final Duration KEEP = Duration.ofDays(365);

    private final DedupeStore store;

    @Inject
    public WistiaViewers(DedupeStore store) {
        this.store = store;
    }

    void identified(String visitorId, String email) {
        try {
            store.remember(key(visitorId), email, KEEP);
        } catch (RuntimeException e) {
            Log.warnf(e, "could not record a Wistia visitor's email");
        }
    }

    Optional<String> email(String visitorId) {
        if (visitorId == null) {
            return Optional.empty();
        }
        try {
            return store.recall(key(visitorId));
        } catch (RuntimeException e) {
            Log.warnf(e, "could not look up a Wistia visitor");
            return Optional.empty();
        }
    }

    private static String key(String visitorId) {
        return "wistia-visitor:" + visitorId;
    }
}
