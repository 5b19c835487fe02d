package dev.ponte.vendors.zoom;

import dev.ponte.delivery.state.StateStore;
import dev.ponte.mapping.Fact;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * When each attendee joined a webinar. Zoom's participant_left does not repeat the join time,
 * and the time watched is leave minus join; the join is declared as a fact of its delivery, kept
 * in the state store once RD has it, so any instance that receives the leave finds it.
 */
@ApplicationScoped
public class ZoomAttendance {

    /** Webinars last hours; a leave arriving days after its join is not worth waiting for. */
    static final Duration KEEP = Duration.ofDays(2);

    private final StateStore store;

    @Inject
    public ZoomAttendance(StateStore store) {
        this.store = store;
    }

    static Fact joined(String webinarUuid, String participant, String joinTime) {
        return Fact.of(key(webinarUuid, participant), joinTime, KEEP);
    }

    Optional<String> joinTime(String webinarUuid, String participant) {
        try {
            return store.recall(key(webinarUuid, participant));
        } catch (RuntimeException e) {
            Log.warnf(e, "could not read a Zoom join time");
            return Optional.empty();
        }
    }

    private static String key(String webinarUuid, String participant) {
        return "zoom-join:" + webinarUuid + ":" + participant;
    }
}
