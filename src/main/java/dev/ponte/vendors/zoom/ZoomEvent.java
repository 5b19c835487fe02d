package dev.ponte.vendors.zoom;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Zoom's event body: URL validation (whose plainToken alone is camelCase), and the webinar participant events Ponte maps. */
@RegisterForReflection
public record ZoomEvent(String event, Long eventTs, Payload payload) {

    @RegisterForReflection
    public record Payload(@JsonProperty("plainToken") String plainToken, String accountId, Webinar object) {
    }

    @RegisterForReflection
    public record Webinar(String id, String uuid, String topic, String startTime, Integer duration, Participant participant) {
    }

    @RegisterForReflection
    public record Participant(String userId, String userName, String id, String participantUuid, String email,
            String phoneNumber, String registrantId, String joinTime, String leaveTime) {

        /** Who this is across join and leave: Zoom's participant uuid where it sends one. */
        String key() {
            for (String candidate : new String[] {participantUuid, registrantId, id, userId, email}) {
                if (candidate != null && !candidate.isBlank()) {
                    return candidate;
                }
            }
            return null;
        }
    }
}
