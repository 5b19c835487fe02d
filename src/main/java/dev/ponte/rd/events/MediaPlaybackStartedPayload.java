package dev.ponte.rd.events;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;

/** MEDIA_PLAYBACK_STARTED. {@code mediaPublishedDateTimestamp} is RFC 3339. */
@RecordBuilder
public record MediaPlaybackStartedPayload(
        String email,
        String name,
        String companyName,
        String companySite,
        String jobTitle,
        String personalPhone,
        String mobilePhone,
        String twitter,
        String facebook,
        String linkedin,
        String website,
        String mediaType,
        String mediaMetadata,
        Boolean mediaRecordedContent,
        String mediaIdentifier,
        String mediaCategory,
        Integer mediaDuration,
        String mediaPublishedDateTimestamp,
        List<LegalBase> legalBases) implements RdPayload, NamesPersonalPhone, NamesMobilePhone {

    @Override
    public EventType eventType() {
        return EventType.MEDIA_PLAYBACK_STARTED;
    }
}
