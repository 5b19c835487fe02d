package dev.ponte.rd;

import dev.ponte.rd.events.EventType;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether RD's batch endpoint takes the ECOMMERCE_* family. RD's batch page lists only the older
 * types, so Ponte tries: ECOMMERCE_* events go in batches until RD refuses one there as an
 * unknown type; from then on, for the life of the process, they are sent one by one (logged
 * once). A restart tries batches again, which costs one refused call.
 */
@ApplicationScoped
public class EcommerceInBatches {

    private static final Pattern INDEXED = Pattern.compile("^\\$\\.body\\[(\\d+)]\\.event_type$");

    private final AtomicBoolean refused = new AtomicBoolean();

    /** Whether ECOMMERCE_* events may still travel in batches. */
    public boolean accepted() {
        return !refused.get();
    }

    /**
     * Whether RD's refusal of a batch of {@code types} (in order) was a refusal of an ECOMMERCE_*
     * type itself; if so it is remembered.
     */
    public boolean refusedIn(RdOutcome.Rejected rejected, List<EventType> types) {
        if (types.stream().noneMatch(EventType::ecommerce) || !refusesType(rejected, types)) {
            return false;
        }
        if (refused.compareAndSet(false, true)) {
            Log.warnf("RD refused ECOMMERCE_* events inside a batch (%s); this process now sends them one by one",
                    rejected.errors().errors().get(0).errorMessage());
        }
        return true;
    }

    private static boolean refusesType(RdOutcome.Rejected rejected, List<EventType> types) {
        for (RdError error : rejected.errors().errors()) {
            String path = error.path() == null ? "" : error.path();
            Matcher indexed = INDEXED.matcher(path);
            if (indexed.matches()) {
                int at = Integer.parseInt(indexed.group(1));
                if (at < types.size() && types.get(at).ecommerce()) {
                    return true;
                }
            } else if (path.endsWith("event_type") || error.errorMessage().contains("ECOMMERCE_")) {
                return true;
            }
        }
        return false;
    }

    /** For tests: back to trying batches. */
    public void reset() {
        refused.set(false);
    }
}
