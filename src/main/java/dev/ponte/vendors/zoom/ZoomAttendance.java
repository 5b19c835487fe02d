package dev.ponte.vendors.zoom;

import dev.ponte.delivery.DedupeStore;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * When each attendee joined a webinar. Zoom's participant_left does not repeat the join time,
 * and the time watched is leave minus join; it is kept in the dedupe store so any instance
 * that receives the leave finds it.
 */
@ApplicationScoped
public class ZoomAttendance {

    /** Webinars last hours; a leave arriving days after its join is not worth waiting for. */
    static final Duration KEEP = Duration.ofDays(2);

    private final DedupeStore store;

    @Inject
    public ZoomAttendance(DedupeStore store) {
        this.store = store;
    }

    void joined(String webinarUuid, String participant, String joinTime) {
        try {
            store.remember(key(webinarUuid, participant), joinTime, KEEP);
        } catch (RuntimeException e) {
            Log.warnf(e, "could not record a Zoom join time; the leave will count from the webinar's start");
        }
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
