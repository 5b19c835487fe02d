package dev.ponte.rd.events;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;

/**
 * CALL_FINISHED. {@code callStartedAt} is an RFC 3339 timestamp; {@code callDuration} is seconds
 * as a string, as RD types it.
 */
@RecordBuilder
public record CallFinishedPayload(
        String name,
        String email,
        String companyName,
        String companySite,
        String jobTitle,
        String personalPhone,
        String callUserEmail,
        String callFromNumber,
        String callStartedAt,
        String callDuration,
        String callType,
        String callStatus,
        String callStatusDescription,
        String callPhoneType,
        String callCarrier,
        String callRecord,
        List<LegalBase> legalBases) implements RdPayload, NamesPersonalPhone {

    @Override
    public EventType eventType() {
        return EventType.CALL_FINISHED;
    }
}
